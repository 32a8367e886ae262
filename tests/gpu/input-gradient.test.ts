/**
 * The GPU probe (engine/gpu/input-gradient.ts) on Dawn: for every kind of target, its value and
 * gradient with respect to the image against the CPU probe (engine/inspect/probe.ts) from the same
 * weights, and, on the smooth net, against central differences of the GPU's own value. A second
 * net has ReLU, max pooling, concat, evaluation-mode batch norm, LRN and dropout (no finite
 * differences there: a step can straddle a kink or a max switch).
 */
import { describe, expect, it } from 'vitest';
import { createGpuProbe } from '../../engine/gpu/input-gradient';
import { createGpuModel, type GpuModel } from '../../engine/gpu/model';
import { MAX_REPLAYED_EVALUATIONS, runWithGpuProbe } from '../../engine/gpu/probe-algorithm';
import { createProbe, ProbeError, type ProbeTarget } from '../../engine/inspect/probe';
import type { ModelSpec } from '../../engine/spec/types';
import { createRng } from '../../engine/tensor/rng';
import { randomImage, smoothNet, weightsOf } from '../unit/probe-fixtures';
import { expectGpuMatchesCpu, type TestGpu, withDevice } from './harness';
import { contextOf } from './training';

/** Two branches from the image joined by concat, then batch norm, LRN, max pooling and dropout. */
const branchyNet: ModelSpec = {
  layers: [
    { type: 'input', shape: [2, 8, 8] },
    { type: 'conv2d', id: 'a', filters: 4, kernel: 3, padding: 1, activation: 'relu' },
    { type: 'conv2d', id: 'b', input: 'input_1', filters: 3, kernel: 1, activation: 'tanh' },
    { type: 'concat', id: 'join', inputs: ['a', 'b'] },
    { type: 'batchnorm', id: 'bn' },
    { type: 'lrn', id: 'norm', size: 3, alpha: 0.1 },
    { type: 'maxpool', id: 'pool', size: 2 },
    { type: 'conv2d', id: 'c', filters: 5, kernel: 3, activation: 'leakyRelu' },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', id: 'out', units: 4 },
    { type: 'softmax' },
  ],
};

const TOL = { rel: 1e-4, abs: 1e-5 };

async function expectMatchesCpu(
  model: GpuModel,
  spec: ModelSpec,
  weights: Record<string, Float32Array>,
  target: ProbeTarget,
  image: Float32Array,
  name: string,
  minNonzero = 8,
): Promise<void> {
  const gpu = await createGpuProbe(model, target).evaluate(image);
  const cpu = createProbe(spec, weights, target).evaluate(image);
  expect(Math.abs(gpu.value - cpu.value), `${name}: value ${gpu.value} vs ${cpu.value}`).toBeLessThanOrEqual(
    TOL.abs + TOL.rel * Math.abs(cpu.value),
  );
  expectGpuMatchesCpu(`${name} gradient`, gpu.gradient, cpu.gradient, TOL);
  // The comparison means something only if the gradient is not (near) zero everywhere.
  const nonzero = gpu.gradient.filter((g) => Math.abs(g) > 1e-3).length;
  expect(nonzero, `${name}: nonzero gradients`).toBeGreaterThanOrEqual(minNonzero);
  if (cpu.probabilities) expectGpuMatchesCpu(`${name} probabilities`, gpu.probabilities!, cpu.probabilities, TOL);
  else expect(gpu.probabilities).toBeNull();
}

describe('GPU probe: gradients of the input image', () => {
  const getGpu = withDevice();
  const build = (gpu: TestGpu, spec: ModelSpec, weights: Record<string, Float32Array>): GpuModel =>
    createGpuModel(contextOf(gpu), spec, { seed: 0, weights });

  const smoothTargets: [string, ProbeTarget][] = [
    ['class score S_1', { kind: 'class', classIndex: 1 }],
    ['cross-entropy for label 2', { kind: 'loss', label: 2 }],
    ['mean of channel 3 of conv c1', { kind: 'unit', layer: 1, unit: 3 }],
    ['channel 2 of c2 at (1, 0)', { kind: 'unit', layer: 3, unit: 2, position: [1, 0] }],
    ['channel 4 of batch norm (evaluation mode)', { kind: 'unit', layer: 4, unit: 4 }],
    ['unit 5 of dense fc', { kind: 'unit', layer: 6, unit: 5 }],
  ];

  it('smooth net: every target matches the CPU probe (1e-4 rel + 1e-5 abs)', async () => {
    const weights = weightsOf(smoothNet, 4);
    const model = build(getGpu(), smoothNet, weights);
    const image = randomImage(2 * 8 * 8, 9);
    for (const [name, target] of smoothTargets) await expectMatchesCpu(model, smoothNet, weights, target, image, name);
    model.destroy();
  });

  it('smooth net: every target matches central differences of the GPU value itself', async () => {
    const model = build(getGpu(), smoothNet, weightsOf(smoothNet, 4));
    const image = randomImage(2 * 8 * 8, 9);
    const eps = 1e-2;
    const rng = createRng(77);
    const pixels = Array.from({ length: 12 }, () => Math.floor(rng.next() * image.length));
    for (const [name, target] of smoothTargets) {
      const probe = createGpuProbe(model, target);
      const { gradient } = await probe.evaluate(image);
      // Every perturbed image in one batch: 2 per checked pixel.
      const shifted = pixels.flatMap((i) =>
        [eps, -eps].map((d) => {
          const x = image.slice();
          x[i]! += d;
          return x;
        }),
      );
      const values = (await probe.evaluateMany(shifted)).map((r) => r.value);
      pixels.forEach((i, k) => {
        const numeric = (values[2 * k]! - values[2 * k + 1]!) / (2 * eps);
        const analytic = gradient[i]!;
        const error = Math.abs(numeric - analytic) / Math.max(Math.abs(numeric), Math.abs(analytic), 1e-2);
        expect(error, `${name}: pixel ${i}, analytic ${analytic}, numeric ${numeric}`).toBeLessThan(2e-2);
      });
    }
    model.destroy();
  });

  it('ReLU, concat, batch norm, LRN, max pooling, dropout: every target matches the CPU probe', async () => {
    const weights = weightsOf(branchyNet, 6);
    const model = build(getGpu(), branchyNet, weights);
    const image = randomImage(2 * 8 * 8, 10);
    const targets: [string, ProbeTarget][] = [
      ['class score S_3', { kind: 'class', classIndex: 3 }],
      ['cross-entropy for label 0', { kind: 'loss', label: 0 }],
      ['channel 5 (branch b) of concat at (2, 3)', { kind: 'unit', layer: 3, unit: 5, position: [2, 3] }],
      ['mean of channel 1 of batch norm', { kind: 'unit', layer: 4, unit: 1 }],
      ['mean of channel 6 of max pooling', { kind: 'unit', layer: 6, unit: 6 }],
      ['mean of channel 0 of conv c', { kind: 'unit', layer: 7, unit: 0 }],
    ];
    for (const [name, target] of targets) {
      const pixelsSeen = name.includes('branch b') ? 2 : 8;
      await expectMatchesCpu(model, branchyNet, weights, target, image, name, pixelsSeen);
    }
    // Branch b is a 1x1 convolution: its unit at (2, 3) sees exactly the 2 channels of pixel (2, 3).
    const unitB = await createGpuProbe(model, targets[2]![1]).evaluate(image);
    const seen = [...unitB.gradient.keys()].filter((i) => unitB.gradient[i] !== 0);
    expect(seen).toEqual([2 * 8 + 3, 64 + 2 * 8 + 3]);
    model.destroy();
  });

  it('a batch of images gives each image its own answer, as one at a time does', async () => {
    const weights = weightsOf(branchyNet, 6);
    const model = build(getGpu(), branchyNet, weights);
    const images = [11, 12, 13].map((s) => randomImage(2 * 8 * 8, s));
    const probe = createGpuProbe(model, { kind: 'loss', label: 1 });
    const together = await probe.evaluateMany(images);
    const cpu = createProbe(branchyNet, weights, { kind: 'loss', label: 1 });
    images.forEach((image, i) => {
      const expected = cpu.evaluate(image);
      expect(Math.abs(together[i]!.value - expected.value)).toBeLessThanOrEqual(TOL.abs + TOL.rel * expected.value);
      expectGpuMatchesCpu(`image ${i} in a batch of 3`, together[i]!.gradient, expected.gradient, TOL);
    });
    model.destroy();
  });

  it('leaves the model parameter gradients alone, and refuses targets the model does not have', async () => {
    const model = build(getGpu(), smoothNet, weightsOf(smoothNet, 4));
    const before = await model.readGradients();
    await createGpuProbe(model, { kind: 'class', classIndex: 0 }).evaluate(randomImage(128, 3));
    const after = await model.readGradients();
    for (const [name, g] of Object.entries(before)) expect(after[name], name).toEqual(g);
    expect(() => createGpuProbe(model, { kind: 'class', classIndex: 3 })).toThrow(ProbeError);
    expect(() => createGpuProbe(model, { kind: 'unit', layer: 8, unit: 0 })).toThrow(/before softmax/);
    const probe = createGpuProbe(model, { kind: 'loss', label: 0 });
    await expect(probe.evaluate(new Float32Array(5))).rejects.toThrow(/5 values; this model takes 2×8×8/);
    model.destroy();
  });

  it('replays a synchronous algorithm over the GPU probe: chained questions, a cap, and determinism', async () => {
    const weights = weightsOf(smoothNet, 4);
    const model = build(getGpu(), smoothNet, weights);
    const target: ProbeTarget = { kind: 'class', classIndex: 2 };
    const cpu = createProbe(smoothNet, weights, target);
    // Three gradient steps, each from the last answer: the GPU run must follow the CPU one.
    const climb = (probe: typeof cpu): number[] => {
      let x = randomImage(128, 21);
      const values: number[] = [];
      for (let k = 0; k < 3; k++) {
        const r = probe.evaluate(x);
        values.push(r.value);
        x = x.map((v, i) => v + 0.1 * r.gradient[i]!);
      }
      return values;
    };
    const onGpu = await runWithGpuProbe(createGpuProbe(model, target), climb);
    const expected = climb(cpu);
    expectGpuMatchesCpu('climbed class scores', onGpu, expected, { rel: 1e-4, abs: 1e-4 });
    expect(expected[2]!).toBeGreaterThan(expected[0]!);
    const gpuProbe = createGpuProbe(model, target);
    const many = (probe: typeof cpu): number => {
      for (let k = 0; k <= MAX_REPLAYED_EVALUATIONS; k++) probe.evaluate(new Float32Array(128).fill(k / 20));
      return 0;
    };
    await expect(runWithGpuProbe(gpuProbe, many)).rejects.toThrow(/at most 16 images/);
    let calls = 0;
    const fickle = (probe: typeof cpu): number => probe.evaluate(new Float32Array(128).fill(calls++ / 10)).value;
    await expect(runWithGpuProbe(gpuProbe, fickle)).rejects.toThrow(/not deterministic/);
    model.destroy();
  });
});
