/**
 * Share links (app/studio/keep/share.ts): every set-up survives encode -> decode, and a link that
 * was cut, edited or made up never throws: what cannot be used becomes a notice and the rest applies.
 */
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/shell/router';
import { DEFAULT_HYPER, type StudioHyper } from '../../app/stores/studio';
import {
  decodeShare,
  encodeShare,
  fromBase64Url,
  type ShareInput,
  shareUrl,
  studioQuery,
  toBase64Url,
} from '../../app/studio/keep/share';
import { type ModelSpec, PRESETS } from '../../engine/spec';

// The studio's defaults: what a fresh studio saves and shares.
const HYPER: StudioHyper = DEFAULT_HYPER;

const lecture = PRESETS['lecture-mnist']!.spec;
const base: ShareInput = {
  dataset: 'embedded-mnist',
  validation: 1000,
  presetKey: 'lecture-mnist',
  draft: lecture,
  hyper: HYPER,
};

const edited: ModelSpec = {
  ...lecture,
  name: 'Wider – ✓',
  layers: lecture.layers.map((l, i) => (i === 1 && l.type === 'conv2d' ? { ...l, filters: 16 } : l)),
};

describe('share links', () => {
  it('an unchanged preset travels as its key', () => {
    const query = encodeShare(base);
    expect(query).toContain('m=lecture-mnist');
    expect(query).not.toContain('a=');
    const back = decodeShare(query);
    expect(back).toEqual({
      dataset: 'embedded-mnist',
      validation: 1000,
      presetKey: 'lecture-mnist',
      spec: lecture,
      hyper: HYPER,
      notices: [],
    });
  });

  it('an edited architecture travels as base64url JSON, every hyperparameter with it', () => {
    const hyper: StudioHyper = {
      ...HYPER,
      optimizer: 'momentum',
      learningRate: 0.0125,
      schedule: 'cosine',
      batchSize: 64,
      epochs: 5,
      l2: 0.0005,
      seed: 42,
      init: 'xavier',
      flip: true,
      jitter: true,
    };
    const query = encodeShare({
      ...base,
      presetKey: 'lecture-mnist',
      draft: edited,
      hyper,
      dataset: 'mnist',
      validation: 5000,
    });
    expect(query).toMatch(/(^|&)a=[A-Za-z0-9_-]+(&|$)/);
    const back = decodeShare(query);
    expect(back.notices).toEqual([]);
    expect(back.spec).toEqual(edited);
    expect(back.presetKey).toBeNull();
    expect(back.hyper).toEqual(hyper);
    expect(back.dataset).toBe('mnist');
    expect(back.validation).toBe(5000);
  });

  it('a link for dropped files names no dataset; the model’s shape picks one', () => {
    const cifar = PRESETS['convnetjs-cifar10']!.spec;
    const query = encodeShare({ ...base, dataset: 'files', presetKey: 'convnetjs-cifar10', draft: cifar });
    expect(query).not.toMatch(/(^|&)d=/);
    expect(decodeShare(query).dataset).toBe('cifar10');
  });

  it('builds a full studio link from the page address', () => {
    const url = shareUrl('http://127.0.0.1:4173/convlab/#/lesson/pooling', base);
    expect(url.startsWith('http://127.0.0.1:4173/convlab/#/studio?v=1&')).toBe(true);
    expect(studioQuery(new URL(url).hash)).toBe(encodeShare(base));
    expect(parseRoute(new URL(url).hash)).toEqual({ name: 'studio' });
  });

  it('finds the query only on the studio route', () => {
    expect(studioQuery('#/studio?lr=0.1')).toBe('lr=0.1');
    expect(studioQuery('#/studio/?lr=0.1')).toBe('lr=0.1');
    expect(studioQuery('#/studio')).toBeNull();
    expect(studioQuery('#/studio?')).toBeNull();
    expect(studioQuery('#/lesson/pooling?lr=0.1')).toBeNull();
    expect(parseRoute('#/studio?anything at all %%')).toEqual({ name: 'studio' });
    expect(parseRoute('#/studios')).toEqual({ name: 'notFound', path: '/studios' });
  });

  it('base64url round-trips any text', () => {
    for (const text of ['', 'a', 'ab', 'abc', '{"x":"数字 ✓"}', '\u0000\uffff']) {
      expect(fromBase64Url(toBase64Url(text))).toBe(text);
    }
    expect(toBase64Url('??>')).toBe('Pz8-');
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('_-8')).toBeNull(); // not UTF-8
  });
});

describe('bad share links', () => {
  it('bad values are ignored one by one, with a notice each; the good ones apply', () => {
    const back = decodeShare(
      'v=1&m=lecture-mnist&opt=rmsprop&lr=abc&sched=constant&bs=0&ep=1.5&l2=-1&seed=7&init=zeros&flip=yes&crop=1&jit=0&val=-3',
    );
    expect(back.spec).toEqual(lecture);
    expect(back.hyper).toEqual({ schedule: 'constant', seed: 7, crop: true, jitter: false });
    expect(back.notices).toHaveLength(8);
    expect(back.notices.join('\n')).toMatch(/lr=“abc”: the learning rate must be a number from 0.000001 to 10/);
    expect(back.notices.join('\n')).toMatch(/opt=“rmsprop”: the optimiser must be one of sgd, momentum, adam/);
    expect(back.notices.join('\n')).toMatch(/ep=“1.5”: the epochs must be a whole number/);
    expect(back.notices.join('\n')).toMatch(/val=“-3”/);
  });

  it('unknown keys, presets and versions are named', () => {
    const back = decodeShare('v=9&m=resnet-1000&zz=1&lr=0.01');
    expect(back.spec).toBeNull();
    expect(back.hyper).toEqual({ learningRate: 0.01 });
    expect(back.notices).toEqual([
      'Ignored “zz”: it is not a setting ConvLab knows.',
      'The link was made by a newer ConvLab (version 9); the settings this one knows were applied.',
      'Ignored the model “resnet-1000”: there is no preset by that name.',
    ]);
    expect(decodeShare('m=alexnet').notices[0]).toMatch(/ImageNet-sized/);
  });

  it('a cut or edited architecture is ignored with the reason', () => {
    const a = toBase64Url(JSON.stringify(edited));
    expect(decodeShare(`a=${a.slice(0, 41)}`).notices[0]).toMatch(
      /shared architecture: it is not valid (base64url|JSON)/,
    );
    expect(decodeShare('a=%%%').notices[0]).toMatch(/not valid base64url/);
    expect(decodeShare(`a=${toBase64Url('[1,2]')}`).notices[0]).toMatch(/a model spec is an object/);
    const tooBig = {
      layers: [...lecture.layers.slice(0, 3), { type: 'conv2d', filters: 10, kernel: 13 }, ...lecture.layers.slice(4)],
    };
    const why = decodeShare(`a=${toBase64Url(JSON.stringify(tooBig))}&lr=0.01`);
    expect(why.spec).toBeNull();
    expect(why.hyper).toEqual({ learningRate: 0.01 });
    expect(why.notices[0]).toMatch(/Layer 3/);
  });

  it('a dataset that does not fit the model gives way to one that does', () => {
    const cifar = encodeShare({ ...base, presetKey: 'convnetjs-cifar10', draft: PRESETS['convnetjs-cifar10']!.spec });
    const back = decodeShare(cifar.replace('d=embedded-mnist', 'd=mnist'));
    expect(back.dataset).toBe('cifar10');
    expect(back.notices[0]).toMatch(/“mnist”: the shared model reads 3×32×32/);
    expect(decodeShare('d=imagenet').notices[0]).toMatch(/dataset “imagenet”/);
    const huge = {
      layers: [{ type: 'input', shape: [3, 32, 32] }, { type: 'flatten' }, { type: 'dense', units: 10000 }],
    };
    expect(decodeShare(`a=${toBase64Url(JSON.stringify(huge))}`).notices[0]).toMatch(
      /30,730,000 parameters, more than/,
    );
    const odd = decodeShare('m=lenet5');
    expect(odd.spec).toBeNull();
    expect(odd.notices[0]).toMatch(/1×32×32 images, and no studio dataset/);
  });

  it('never throws, whatever the link holds', () => {
    const junk = [
      '',
      '&&&',
      '=',
      'a',
      'a=',
      'm=',
      '%E0%A4%A',
      'lr=1e999',
      'bs=1e3',
      'x'.repeat(5000),
      '?v=1',
      'a=AAAA',
    ];
    for (const q of junk) {
      const back = decodeShare(q);
      expect(Array.isArray(back.notices)).toBe(true);
    }
    expect(decodeShare('bs=1e3').hyper).toEqual({ batchSize: 1000 });
    expect(decodeShare('lr=1e999').hyper).toEqual({});
  });
});
