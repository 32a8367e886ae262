/**
 * Reading a saved set of your own images (app/own-images/setZip.ts): a set as the page saves it
 * reads back in order; what a saved set never holds is refused in words; and a zip that lies about
 * its sizes is refused before its entries are unpacked (array buffers stay small, where the reader
 * before issue 13's fuzzing unpacked 5,000 copies of one 1 MiB entry). The hostile cases of the
 * fuzz table (tests/fuzz/own-zip-hostile.ts) run in fuzz.test.ts.
 */
import { memoryUsage } from 'node:process';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_SET_UNPACKED_BYTES, readSetZip, SetFileError } from '../../app/own-images/setZip';
import { setSeed, solidPng, zipSet } from '../fuzz/own-zip';
import { lyingDeflateBomb, overlappedBomb } from '../fuzz/own-zip-hostile';

const MiB = 1 << 20;

function refusal(zip: Uint8Array): SetFileError {
  try {
    readSetZip(zip);
  } catch (error) {
    expect(error).toBeInstanceOf(SetFileError);
    return error as SetFileError;
  }
  throw new Error('the zip was accepted');
}

describe('readSetZip on a set as the page saves it', () => {
  it('gives the classes in order with each image’s path and PNG bytes, stored or deflated', () => {
    const seed = setSeed(3, 6);
    for (const deflate of [false, true]) {
      const set = readSetZip(zipSet(seed, undefined, deflate));
      expect(set.map((c) => c.name)).toEqual(['Class 1', 'Class 2', 'Class 3']);
      expect(set[1]!.images.map((i) => i.path)).toEqual(seed.labels.classes[1]!.files);
      expect(set[1]!.images[2]!.png).toEqual(seed.files[seed.labels.classes[1]!.files[2]!]);
    }
  });

  it('ignores files labels.json does not list (a README, macOS folders) and unpacks none of them', () => {
    const seed = setSeed(2, 5);
    const files = { ...seed.files, 'README.txt': strToU8('my cups'), '__MACOSX/._00001.png': new Uint8Array(9) };
    expect(readSetZip(zipSet({ ...seed, files })).map((c) => c.images.length)).toEqual([5, 5]);
  });

  it('cuts class names to 40 characters', () => {
    const seed = setSeed(2, 5);
    const long = {
      ...seed.labels,
      classes: [{ ...seed.labels.classes[0]!, name: 'x'.repeat(90) }, seed.labels.classes[1]!],
    };
    expect(readSetZip(zipSet({ ...seed, labels: long }))[0]!.name).toBe('x'.repeat(40));
  });
});

describe('readSetZip refuses in words', () => {
  it.each([
    ['a file that is no zip', strToU8('PK nonsense'), 'not a readable zip'],
    ['a zip without labels.json', zipSync({ 'a.png': solidPng(2, 2, [1, 2, 3]) }), 'has no labels.json'],
    [
      'labels.json of another kind',
      zipSet(setSeed(2, 5), JSON.stringify({ format: 'something-else', classes: [] })),
      'labels.json is of another kind',
    ],
    [
      'labels.json of another version',
      zipSet(setSeed(2, 5), JSON.stringify({ ...setSeed(2, 5).labels, version: 2 })),
      'another version of ConvLab',
    ],
    [
      'a listed image that is a JPEG',
      zipSet({
        ...setSeed(2, 5),
        files: { ...setSeed(2, 5).files, '01-class_1/00001.png': Uint8Array.of(0xff, 0xd8, 0xff) },
      }),
      '"01-class_1/00001.png" in this zip is not a PNG image.',
    ],
    [
      'an entry that climbs out of the set',
      zipSet({ ...setSeed(2, 5), files: { ...setSeed(2, 5).files, '../../evil.png': solidPng(1, 1, [0, 0, 0]) } }),
      'a path that climbs out of the set',
    ],
  ])('%s', (_what, zip, words) => {
    expect(refusal(zip).message).toContain(words);
  });
});

describe('readSetZip checks sizes before it unpacks', () => {
  it.each([
    ['5,000 directory entries sharing one stored 1 MiB entry', () => overlappedBomb(5000, 1), '4.9 GiB'],
    ['2,000 deflated entries each declaring 8 MiB', () => lyingDeflateBomb(2000, 8 * MiB - 1), '15.6 GiB'],
  ])('%s: refused, with array buffers grown by under 16 MiB', (_what, make, total) => {
    const zip = make();
    const before = memoryUsage().arrayBuffers;
    const error = refusal(zip);
    const grew = memoryUsage().arrayBuffers - before;
    expect(error.message).toBe(
      `The images of this set would unpack to ${total}; a set is at most ${MAX_SET_UNPACKED_BYTES / MiB} MiB.`,
    );
    expect(grew).toBeLessThan(16 * MiB);
  });
});
