import { describe, expect, it } from 'vitest';
import { getPreset, type ModelSummary, PRESET_KEYS, PRESETS, SpecError, summarize } from '../../engine/spec';

const summaryOf = (key: string): ModelSummary => summarize(getPreset(key).spec);
const byId = (s: ModelSummary, id: string) => s.layers.find((l) => l.id === id)!;

describe('AlexNet (3x227x227, two GPU groups)', () => {
  const s = summaryOf('alexnet');

  it('conv weights without biases are 34,848 / 307,200 / 884,736 / 663,552 / 442,368', () => {
    expect(['conv1', 'conv2', 'conv3', 'conv4', 'conv5'].map((id) => byId(s, id).weights)).toEqual([
      34848, 307200, 884736, 663552, 442368,
    ]);
  });

  it('maps shrink 227 -> 55 -> 27 -> 13 -> 6, giving 256·6·6 = 9,216 features', () => {
    expect(byId(s, 'conv1').outputShape).toEqual([96, 55, 55]);
    expect(byId(s, 'pool1').outputShape).toEqual([96, 27, 27]);
    expect(byId(s, 'pool2').outputShape).toEqual([256, 13, 13]);
    expect(byId(s, 'pool5').outputShape).toEqual([256, 6, 6]);
    expect(byId(s, 'fc6').inputShape).toEqual([9216]);
  });

  it('has 60,965,224 parameters in all (about 60 million) and outputs [1000]', () => {
    expect(s.totalParams).toBe(60965224);
    expect(s.outputShape).toEqual([1000]);
  });
});

describe('VGG configurations A-E (3x224x224)', () => {
  const totals: [string, number, number][] = [
    ['vgg-a', 132863336, 133],
    ['vgg-b', 133047848, 133],
    ['vgg-c', 133638952, 134],
    ['vgg-d', 138357544, 138],
    ['vgg-e', 143667240, 144],
  ];

  it.each(totals)('%s has %i parameters, %i million rounded', (key, exact, millions) => {
    const s = summaryOf(key);
    expect(s.totalParams).toBe(exact);
    expect(Math.round(s.totalParams / 1e6)).toBe(millions);
  });

  it('vgg-d ends its conv stages at 512x7x7 = 25,088 features', () => {
    expect(byId(summaryOf('vgg-d'), 'fc6').inputShape).toEqual([25088]);
  });

  it('vgg-c is vgg-b plus 1x1 convs 256·256, 512·512 and 512·512 (weights and biases)', () => {
    const extra = 256 * 256 + 256 + 2 * (512 * 512 + 512);
    expect(summaryOf('vgg-c').totalParams - summaryOf('vgg-b').totalParams).toBe(extra);
  });
});

describe('LeNet-5', () => {
  it('1x32x32 with full C3 connectivity has 61,706 parameters and C5 gives 120x1x1', () => {
    const s = summaryOf('lenet5');
    expect(s.totalParams).toBe(61706);
    expect(byId(s, 'C5').outputShape).toEqual([120, 1, 1]);
  });

  it("lenet5-mnist on 1x28x28 with a 'same' C1 keeps the same 61,706 parameters", () => {
    const s = summaryOf('lenet5-mnist');
    expect(s.totalParams).toBe(61706);
    expect(byId(s, 'C1').outputShape).toEqual([6, 28, 28]);
  });
});

describe('ResNet-18 (3x224x224)', () => {
  const s = summaryOf('resnet18');

  it('has 11,689,512 parameters, as torchvision counts', () => {
    expect(s.totalParams).toBe(11689512);
  });

  it("stem 7x7 stride 2 'same' pads 2 before and 3 after: 224 -> 112, then the pool gives 56", () => {
    expect(byId(s, 'stem_conv').resolved).toMatchObject({ pad: [2, 2], padEnd: [3, 3] });
    expect(byId(s, 'stem_conv').outputShape).toEqual([64, 112, 112]);
    expect(byId(s, 'stem_pool').outputShape).toEqual([64, 56, 56]);
  });

  it('stages end at 64x56x56, 128x28x28, 256x14x14, 512x7x7', () => {
    expect(
      ['layer1_2_out', 'layer2_2_out', 'layer3_2_out', 'layer4_2_out'].map((id) => byId(s, id).outputShape),
    ).toEqual([
      [64, 56, 56],
      [128, 28, 28],
      [256, 14, 14],
      [512, 7, 7],
    ]);
  });

  it('the stride-2 projection 1x1 conv reads the block input and has 64·128 weights', () => {
    const proj = byId(s, 'layer2_1_proj');
    expect(proj.inputs).toEqual([byId(s, 'layer1_2_out').index]);
    expect(proj.weights).toBe(64 * 128);
  });
});

describe('presets', () => {
  it.each(PRESET_KEYS)('%s summarizes without error', (key) => {
    expect(summarize(PRESETS[key]!.spec).layers.length).toBeGreaterThan(1);
  });

  const datasetShape = { mnist: [1, 28, 28], cifar10: [3, 32, 32], imagenet: null } as const;
  it.each(PRESET_KEYS.filter((k) => k !== 'lenet5'))(
    "%s takes its dataset's sample shape and ends in 10 or 1000 outputs",
    (key) => {
      const preset = PRESETS[key]!;
      const s = summarize(preset.spec);
      const expected = datasetShape[preset.dataset];
      if (expected !== null) expect(s.layers[0]!.outputShape).toEqual(expected);
      expect(s.outputShape).toEqual([preset.dataset === 'imagenet' ? 1000 : 10]);
    },
  );

  it('lecture-mnist is 1x28x28 -> 10x24x24 -> 10x12x12 -> 10x8x8 -> 10x4x4 -> 160 -> 100 -> 10', () => {
    expect(summaryOf('lecture-mnist').layers.map((l) => l.outputShape)).toEqual([
      [1, 28, 28],
      [10, 24, 24],
      [10, 12, 12],
      [10, 8, 8],
      [10, 4, 4],
      [160],
      [100],
      [10],
    ]);
  });

  it('convnetjs-cifar10 ends its conv stages at 20x4x4 and has 22,466 parameters', () => {
    const s = summaryOf('convnetjs-cifar10');
    expect(byId(s, 'flatten_1').inputShape).toEqual([20, 4, 4]);
    expect(s.totalParams).toBe(22466);
  });

  it('small-vgg-cifar10 has between 100k and 300k parameters; mini-resnet-cifar10 has residual adds', () => {
    const vgg = summaryOf('small-vgg-cifar10').totalParams;
    expect(vgg).toBeGreaterThan(100_000);
    expect(vgg).toBeLessThan(300_000);
    expect(summaryOf('mini-resnet-cifar10').layers.filter((l) => l.type === 'add')).toHaveLength(3);
  });

  it('getPreset("vgg16") is a SpecError listing the available keys', () => {
    expect(() => getPreset('vgg16')).toThrow(SpecError);
    expect(() => getPreset('vgg16')).toThrow(/Available: linear-mnist, lecture-mnist/);
    expect(() => getPreset('toString')).toThrow(SpecError);
  });
});
