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

describe('AlexNet with LRN', () => {
  const s = summaryOf('alexnet-lrn');

  it('has LRN (n=5, k=2, alpha=1e-4, beta=0.75) after conv1 and conv2, before the pools', () => {
    const ids = s.layers.map((l) => l.id);
    expect(ids.slice(1, 4)).toEqual(['conv1', 'norm1', 'pool1']);
    expect(ids.slice(4, 7)).toEqual(['conv2', 'norm2', 'pool2']);
    expect(byId(s, 'norm1').resolved).toEqual({ type: 'lrn', size: 5, k: 2, alpha: 1e-4, beta: 0.75 });
  });

  it('LRN adds no parameters: 60,965,224, about 61 million, like alexnet', () => {
    expect(s.totalParams).toBe(summaryOf('alexnet').totalParams);
    expect(s.totalParams).toBeGreaterThan(60e6);
    expect(s.totalParams).toBeLessThan(62e6);
    expect(byId(s, 'pool5').outputShape).toEqual([256, 6, 6]);
  });
});

describe('ZFNet (lecture: 7x7 stride-2 conv1, conv3-5 of 512, 1024, 512)', () => {
  const s = summaryOf('zfnet');

  it("maps follow the paper's figure: 110 -> 55 -> 26 -> 13 -> 6", () => {
    expect(['conv1', 'pool1', 'conv2', 'pool2', 'conv5', 'pool5'].map((id) => byId(s, id).outputShape)).toEqual([
      [96, 110, 110],
      [96, 55, 55],
      [256, 26, 26],
      [256, 13, 13],
      [512, 13, 13],
      [512, 6, 6],
    ]);
  });

  it('parameters are the sum of filters·(C·k·k + 1) and inputs·units + units', () => {
    const conv = (f: number, c: number, k: number): number => f * (c * k * k + 1);
    const dense = (n: number, u: number): number => n * u + u;
    const expected =
      conv(96, 3, 7) +
      conv(256, 96, 5) +
      conv(512, 256, 3) +
      conv(1024, 512, 3) +
      conv(512, 1024, 3) +
      dense(512 * 6 * 6, 4096) +
      dense(4096, 4096) +
      dense(4096, 1000);
    expect(s.totalParams).toBe(expected);
    expect(s.layers.filter((l) => l.type === 'lrn')).toHaveLength(2);
  });
});

describe('VGG-16 multiply-adds', () => {
  it('are about 15.5 G, the sum of H·W·filters·C·9 over its 13 convs plus the dense layers', () => {
    const plan = [
      [64, 64],
      [128, 128],
      [256, 256, 256],
      [512, 512, 512],
      [512, 512, 512],
    ];
    let c = 3;
    let side = 224;
    let macs = 0;
    for (const stage of plan) {
      for (const f of stage) {
        macs += side * side * f * c * 9;
        c = f;
      }
      side /= 2;
    }
    macs += 25088 * 4096 + 4096 * 4096 + 4096 * 1000;
    const s = summaryOf('vgg-d');
    expect(s.totalMacs).toBe(macs);
    expect(s.totalMacs).toBeGreaterThan(15.3e9);
    expect(s.totalMacs).toBeLessThan(15.6e9);
  });
});

describe('GoogLeNet (torchvision layout)', () => {
  const s = summaryOf('googlenet');

  it('has 6,624,904 parameters, as torchvision counts them without auxiliary heads', () => {
    expect(s.totalParams).toBe(6624904);
  });

  it('each Inception module concatenates its four branches: 3a gives 64+128+32+32 = 256 at 28x28', () => {
    const cat = byId(s, 'inception3a');
    expect(cat.type).toBe('concat');
    expect(cat.inputs).toHaveLength(4);
    expect(cat.outputShape).toEqual([256, 28, 28]);
    expect(byId(s, 'inception4e').outputShape).toEqual([832, 14, 14]);
    expect(byId(s, 'inception5b').outputShape).toEqual([1024, 7, 7]);
    expect(s.layers.filter((l) => l.type === 'concat')).toHaveLength(9);
  });

  it('ceil-mode pools: 112 -> 56 -> 28 -> 14 -> 7, and the output is [1000]', () => {
    expect(['conv1', 'maxpool1', 'maxpool2', 'maxpool3', 'maxpool4'].map((id) => byId(s, id).outputShape[1])).toEqual([
      112, 56, 28, 14, 7,
    ]);
    expect(s.outputShape).toEqual([1000]);
  });
});

describe('ResNet-34 and ResNet-50 (3x224x224)', () => {
  it('ResNet-34 has 21,797,672 parameters', () => {
    expect(summaryOf('resnet34').totalParams).toBe(21797672);
  });

  /**
   * ResNet-50's multiply-adds by hand: the stem, then per bottleneck 1x1 (C -> w), 3x3 (w -> w),
   * 1x1 (w -> 4w) and, in each stage's first block, the 1x1 projection (C -> 4w); the fc layer.
   * A conv costs (output pixels)·(output channels)·(input channels)·k·k. The variants differ in
   * where the first block's first 1x1 runs: on the stage's input map (torchvision) or, strided, on
   * its output map (paper).
   */
  function resnet50Macs(variant: 'torchvision' | 'paper'): number {
    const stages = [
      [64, 3, 56, 56],
      [128, 4, 56, 28],
      [256, 6, 28, 14],
      [512, 3, 14, 7],
    ] as const;
    let total = 112 * 112 * 64 * 3 * 7 * 7;
    let c = 64;
    for (const [w, blocks, inSide, outSide] of stages) {
      const out = outSide * outSide;
      const firstSide = variant === 'torchvision' ? inSide : outSide;
      total += firstSide * firstSide * w * c + out * w * w * 9 + out * 4 * w * w + out * 4 * w * c;
      total += (blocks - 1) * out * (w * 4 * w + w * w * 9 + 4 * w * w);
      c = 4 * w;
    }
    return total + 2048 * 1000;
  }

  it.each([
    ['resnet50', 'torchvision', 4.09e9],
    ['resnet50-paper', 'paper', 3.86e9],
  ] as const)('%s (%s) has 25,557,032 parameters and %d multiply-adds to 3 figures', (key, variant, rounded) => {
    const s = summaryOf(key);
    expect(s.totalParams).toBe(25557032);
    expect(s.totalMacs).toBe(resnet50Macs(variant));
    expect(Number(s.totalMacs.toPrecision(3))).toBe(rounded);
    expect(s.totalMacs).toBeGreaterThan(3.8e9);
    expect(s.totalMacs).toBeLessThan(4.2e9);
  });

  it("the variants differ only in which conv of a stage's first block has stride 2", () => {
    const tv = summaryOf('resnet50');
    const paper = summaryOf('resnet50-paper');
    const stride = (s: ModelSummary, id: string) => {
      const r = byId(s, id).resolved;
      return r.type === 'conv2d' ? r.stride[0] : null;
    };
    expect([stride(tv, 'layer2_1_conv1'), stride(tv, 'layer2_1_conv2')]).toEqual([1, 2]);
    expect([stride(paper, 'layer2_1_conv1'), stride(paper, 'layer2_1_conv2')]).toEqual([2, 1]);
    expect(byId(tv, 'layer4_3_out').outputShape).toEqual([2048, 7, 7]);
    expect(byId(paper, 'layer4_3_out').outputShape).toEqual([2048, 7, 7]);
  });
});

describe('DenseNet-121', () => {
  const s = summaryOf('densenet121');

  it('has 7,978,856 parameters, as torchvision counts them', () => {
    expect(s.totalParams).toBe(7978856);
  });

  it('blocks grow by 32 channels a layer and transitions halve them: 256, 512, 1024, 1024', () => {
    expect(byId(s, 'block1_layer6_cat').outputShape).toEqual([64 + 6 * 32, 56, 56]);
    expect(byId(s, 'transition1_pool').outputShape).toEqual([128, 28, 28]);
    expect(byId(s, 'block2_layer12_cat').outputShape).toEqual([128 + 12 * 32, 28, 28]);
    expect(byId(s, 'block3_layer24_cat').outputShape).toEqual([256 + 24 * 32, 14, 14]);
    expect(byId(s, 'block4_layer16_cat').outputShape).toEqual([512 + 16 * 32, 7, 7]);
    expect(s.outputShape).toEqual([1000]);
  });

  it("a dense layer's first batchnorm normalises the whole concatenation before it (2·C parameters)", () => {
    const bn = byId(s, 'block1_layer3_conv1_bn');
    expect(bn.inputShape).toEqual([64 + 2 * 32, 56, 56]);
    expect(bn.params).toBe(2 * (64 + 2 * 32));
  });
});

describe('mini CIFAR-10 presets', () => {
  const minis = ['mini-alexnet-cifar10', 'mini-googlenet-cifar10', 'mini-densenet-cifar10', 'mini-resnet-cifar10'];

  it.each(minis)('%s takes 3x32x32, gives 10 logits and stays under 10M multiply-adds per image', (key) => {
    const s = summaryOf(key);
    expect(PRESETS[key]!.dataset).toBe('cifar10');
    expect(s.layers[0]!.outputShape).toEqual([3, 32, 32]);
    expect(s.outputShape).toEqual([10]);
    expect(s.totalMacs).toBeLessThan(key === 'mini-resnet-cifar10' ? 15e6 : 10e6);
  });

  it("each keeps its family's idea: LRN and groups, Inception concats, dense concats", () => {
    const count = (key: string, type: string): number => summaryOf(key).layers.filter((l) => l.type === type).length;
    expect(count('mini-alexnet-cifar10', 'lrn')).toBe(2);
    expect(count('mini-googlenet-cifar10', 'concat')).toBe(2);
    expect(count('mini-densenet-cifar10', 'concat')).toBe(6);
    const inception = byId(summaryOf('mini-googlenet-cifar10'), 'inception1');
    expect(inception.inputs).toHaveLength(4);
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
