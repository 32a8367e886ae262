import { describe, expect, it } from 'vitest';
import { buildVersion, precacheList, renderServiceWorker } from '../../scripts/offline/precache';

describe('precacheList', () => {
  const written = [
    'index.html',
    'favicon.svg',
    'sw.js',
    'assets/index-abc.js',
    'assets/index-abc.js.map',
    'assets/index-def.css',
    'assets/worker-123.js',
    'assets/KaTeX_Main-Regular-x1.woff2',
    'assets/KaTeX_Main-Regular-x2.woff',
    'assets/KaTeX_Main-Regular-x3.ttf',
    'data/mnist-embedded.bin.gz',
    'data/mnist-embedded.bin',
    'data/cifar10/cifar-10-binary.tar.gz',
    'data/mnist/train-images-idx3-ubyte.gz',
  ];

  it('keeps the shell, chunks, CSS, workers, woff2 fonts and the gzipped embedded MNIST, sorted', () => {
    expect(precacheList(written)).toEqual([
      'assets/KaTeX_Main-Regular-x1.woff2',
      'assets/index-abc.js',
      'assets/index-def.css',
      'assets/worker-123.js',
      'data/mnist-embedded.bin.gz',
      'favicon.svg',
      'index.html',
    ]);
  });

  it('lists a file once even when the bundle and the public folder both name it', () => {
    expect(precacheList(['favicon.svg', 'favicon.svg'])).toEqual(['favicon.svg']);
  });
});

describe('buildVersion', () => {
  const files = [
    { path: 'index.html', bytes: '<html>a</html>' },
    { path: 'data/x.gz', bytes: new Uint8Array([1, 2, 3]) },
  ];

  it('does not depend on the order the files are listed in', () => {
    expect(buildVersion(files)).toBe(buildVersion([...files].reverse()));
    expect(buildVersion(files)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when one byte of an unhashed file changes', () => {
    const changed = [files[0]!, { path: 'data/x.gz', bytes: new Uint8Array([1, 2, 4]) }];
    expect(buildVersion(changed)).not.toBe(buildVersion(files));
  });

  it('changes when a file is renamed or added', () => {
    expect(buildVersion([files[0]!, { ...files[1]!, path: 'data/y.gz' }])).not.toBe(buildVersion(files));
    expect(buildVersion([...files, { path: 'favicon.svg', bytes: '' }])).not.toBe(buildVersion(files));
  });
});

describe('renderServiceWorker', () => {
  const template = "const CACHE_NAME = /*@CACHE_NAME*/ 'convlab-unbuilt';\nconst PRECACHE = /*@PRECACHE*/ [];\n";

  it('fills in the cache name and the precache list as JSON', () => {
    const out = renderServiceWorker(template, 'convlab-0123', ['index.html', "it's.js"]);
    expect(out).toBe('const CACHE_NAME = "convlab-0123";\nconst PRECACHE = ["index.html","it\'s.js"];\n');
  });

  it('fails the build when the template has lost a marker', () => {
    expect(() => renderServiceWorker('const PRECACHE = /*@PRECACHE*/ [];', 'c', [])).toThrow(/CACHE_NAME/);
  });
});
