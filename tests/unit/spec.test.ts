import { describe, expect, it } from 'vitest';
import { type LayerSpec, type ModelSpec, summarize } from '../../engine/spec';

const model = (shape: readonly [number, number, number], ...layers: LayerSpec[]): ModelSpec => ({
  layers: [{ type: 'input', shape }, ...layers],
});

const layer = (spec: ModelSpec, index: number) => summarize(spec).layers[index]!;

describe('summarize: conv2d shapes and parameters (lecture examples)', () => {
  it('3x32x32 with 30 5x5 filters gives 30x28x28 and 75 weights per filter, plus one bias each', () => {
    const conv = layer(model([3, 32, 32], { type: 'conv2d', filters: 30, kernel: 5 }), 1);
    expect(conv.outputShape).toEqual([30, 28, 28]);
    expect(conv.weights / 30).toBe(75);
    expect(conv.biases).toBe(30);
    expect(conv.params).toBe(30 * 76);
  });

  it('3x32x32 with 20 5x5 filters and padding 2 gives 20x32x32, 1,500 weights and 20 biases', () => {
    const conv = layer(model([3, 32, 32], { type: 'conv2d', filters: 20, kernel: 5, padding: 2 }), 1);
    expect(conv.outputShape).toEqual([20, 32, 32]);
    expect(conv.weights).toBe(1500);
    expect(conv.biases).toBe(20);
    expect(conv.macs).toBe(32 * 32 * 1500);
  });

  it('tf.nn.conv2d: a 3x3x3x7 filter on 3x4x4 has 3·3·3·7 = 189 weights', () => {
    const conv = layer(model([3, 4, 4], { type: 'conv2d', filters: 7, kernel: 3, padding: 'same', bias: false }), 1);
    expect(conv.weights).toBe(189);
    expect(conv.params).toBe(189);
    expect(conv.outputShape).toEqual([7, 4, 4]);
  });

  it('1x7x7 with a 3x3 kernel at stride 2 gives 1x3x3, and N=9 at stride 1 gives 7x7', () => {
    expect(layer(model([1, 7, 7], { type: 'conv2d', filters: 1, kernel: 3, stride: 2 }), 1).outputShape).toEqual([
      1, 3, 3,
    ]);
    expect(layer(model([1, 9, 9], { type: 'conv2d', filters: 1, kernel: 3 }), 1).outputShape).toEqual([1, 7, 7]);
  });

  it('3x28x28 with 4 15x15x3 filters gives 4x14x14', () => {
    expect(layer(model([3, 28, 28], { type: 'conv2d', filters: 4, kernel: 15 }), 1).outputShape).toEqual([4, 14, 14]);
  });

  it('grouped conv 4x8x8 -> 6 filters 3x3 groups 2: weights 6·2·9 = 108, MACs 6·6·108', () => {
    const conv = layer(model([4, 8, 8], { type: 'conv2d', filters: 6, kernel: 3, groups: 2 }), 1);
    expect(conv.weights).toBe(108);
    expect(conv.macs).toBe(36 * 108);
  });

  it("conv 1x8x8 with a 4x4 'same' kernel resolves padding 1 before and 2 after", () => {
    const conv = layer(model([1, 8, 8], { type: 'conv2d', filters: 2, kernel: 4, padding: 'same' }), 1);
    expect(conv.outputShape).toEqual([2, 8, 8]);
    expect(conv.resolved).toMatchObject({ type: 'conv2d', pad: [1, 1], padEnd: [2, 2], groups: 1, bias: true });
  });

  it('conv 1x9x7 with a 3x3 kernel at dilation 2 (spanning 5) gives 1x5x3', () => {
    const conv = layer(model([1, 9, 7], { type: 'conv2d', filters: 1, kernel: 3, dilation: 2 }), 1);
    expect(conv.outputShape).toEqual([1, 5, 3]);
    expect(conv.resolved).toMatchObject({ dilation: [2, 2], kernel: [3, 3] });
  });

  it('conv 1x5x5 with padding [1, 0] and a 3x3 kernel gives 1x5x3', () => {
    expect(layer(model([1, 5, 5], { type: 'conv2d', filters: 1, kernel: 3, padding: [1, 0] }), 1).outputShape).toEqual([
      1, 5, 3,
    ]);
  });
});

describe('summarize: other layers', () => {
  it('maxpool 2x2 on 10x24x24 gives 10x12x12 with no params and no MACs', () => {
    const pool = layer(model([10, 24, 24], { type: 'maxpool', size: 2 }), 1);
    expect(pool).toMatchObject({ outputShape: [10, 12, 12], params: 0, macs: 0 });
    expect(pool.resolved).toEqual({ type: 'maxpool', size: [2, 2], stride: [2, 2], pad: [0, 0], padEnd: [0, 0] });
  });

  it('AlexNet-style overlapping maxpool 3x3 stride 2 on 96x55x55 gives 96x27x27', () => {
    expect(layer(model([96, 55, 55], { type: 'maxpool', size: 3, stride: 2 }), 1).outputShape).toEqual([96, 27, 27]);
  });

  it('flatten 10x4x4 gives [160]; dense 160 -> 100 has 16,000 weights, 100 biases, 16,000 MACs', () => {
    const spec = model([10, 4, 4], { type: 'flatten' }, { type: 'dense', units: 100, activation: 'relu' });
    expect(layer(spec, 1).outputShape).toEqual([160]);
    expect(layer(spec, 2)).toMatchObject({
      outputShape: [100],
      weights: 16000,
      biases: 100,
      params: 16100,
      macs: 16000,
    });
    expect(layer(spec, 2).resolved).toEqual({ type: 'dense', units: 100, bias: true, activation: 'relu' });
  });

  it('batchnorm on 16x8x8 has 2·16 = 32 params (gamma and beta, counted as biases)', () => {
    expect(layer(model([16, 8, 8], { type: 'batchnorm' }), 1)).toMatchObject({ weights: 0, biases: 32, params: 32 });
    expect(layer(model([16, 8, 8], { type: 'batchnorm' }), 1).resolved).toEqual({
      type: 'batchnorm',
      momentum: 0.1,
      epsilon: 1e-5,
    });
  });

  it('batchnorm on a [10] vector has 20 params', () => {
    const spec = model([10, 1, 1], { type: 'flatten' }, { type: 'batchnorm' });
    expect(layer(spec, 2).params).toBe(20);
  });

  it('globalavgpool 64x8x8 gives [64]; softmax keeps [64]', () => {
    const spec = model([64, 8, 8], { type: 'globalavgpool' }, { type: 'softmax' });
    expect(layer(spec, 1).outputShape).toEqual([64]);
    expect(layer(spec, 2).outputShape).toEqual([64]);
  });

  it('activation defaults: leakyRelu alpha 0.01, elu alpha 1', () => {
    const spec = model([1, 2, 2], { type: 'activation', kind: 'leakyRelu' }, { type: 'activation', kind: 'elu' });
    expect(layer(spec, 1).resolved).toEqual({ type: 'activation', kind: 'leakyRelu', alpha: 0.01 });
    expect(layer(spec, 2).resolved).toEqual({ type: 'activation', kind: 'elu', alpha: 1 });
  });

  it('a residual block on 8x6x6 adds the block input to the conv path and records both inputs', () => {
    const spec = model(
      [8, 6, 6],
      { type: 'conv2d', id: 'a', filters: 8, kernel: 3, padding: 1 },
      { type: 'conv2d', id: 'b', filters: 8, kernel: 3, padding: 1 },
      { type: 'add', id: 'sum', with: 'input_1' },
    );
    const add = layer(spec, 3);
    expect(add.inputs).toEqual([2, 0]);
    expect(add.outputShape).toEqual([8, 6, 6]);
  });

  it('a 1x1 stride-2 projection reads the block input through `input`: 8x6x6 -> 16x3x3', () => {
    const spec = model(
      [8, 6, 6],
      { type: 'conv2d', id: 'main', filters: 16, kernel: 3, stride: 2, padding: 'same' },
      { type: 'conv2d', id: 'proj', input: 'input_1', filters: 16, kernel: 1, stride: 2, padding: 'same' },
      { type: 'add', input: 'main', with: 'proj' },
    );
    const s = summarize(spec);
    expect(s.layers[2]!.inputs).toEqual([0]);
    expect(s.layers[3]!.inputs).toEqual([1, 2]);
    expect(s.outputShape).toEqual([16, 3, 3]);
  });
});

describe('summarize: ids and totals', () => {
  it('generates ids per type, counting from 1: input_1, conv2d_1, maxpool_1, conv2d_2, dense_1', () => {
    const spec = model(
      [1, 12, 12],
      { type: 'conv2d', filters: 2, kernel: 3 },
      { type: 'maxpool', size: 2 },
      { type: 'conv2d', id: 'named', filters: 2, kernel: 3 },
      { type: 'conv2d', filters: 2, kernel: 1 },
      { type: 'flatten' },
      { type: 'dense', units: 3 },
    );
    expect(summarize(spec).layers.map((l) => l.id)).toEqual([
      'input_1',
      'conv2d_1',
      'maxpool_1',
      'named',
      'conv2d_3',
      'flatten_1',
      'dense_1',
    ]);
  });

  it('totals sum every layer: 1x28x28 flatten dense 10 has 7,850 params and 7,840 MACs', () => {
    const s = summarize({
      name: 'linear',
      layers: [{ type: 'input', shape: [1, 28, 28] }, { type: 'flatten' }, { type: 'dense', units: 10 }],
    });
    expect(s).toMatchObject({ name: 'linear', totalParams: 7850, totalMacs: 7840, outputShape: [10] });
  });

  it('the input layer reports its shape as both input and output', () => {
    expect(layer(model([3, 32, 32]), 0)).toMatchObject({
      inputShape: [3, 32, 32],
      outputShape: [3, 32, 32],
      inputs: [],
    });
  });
});
