/**
 * ConvNetJS 0.3 (Karpathy), the library whose CIFAR-10 demo defined the second model. It trains one
 * sample at a time: Trainer.train() runs forward and backward per image, accumulates gradients, and
 * applies SGD with momentum every batch_size calls, dividing the summed gradient by batch_size, which
 * is the same update as a mean-loss minibatch step.
 */
import convnetjs, { type LayerDef, type Vol } from 'convnetjs';
import type { DatasetSplits } from '../../engine/data/dataset';
import type { BenchEngine } from '../engine';
import type { ModelKey, RunConfig } from '../protocol';
import { BatchSampler, testSlice } from '../sampler';

/** The same layer stacks as ConvLab's presets; a ConvNetJS softmax layer adds its own dense 10. */
const LAYERS: Record<ModelKey, LayerDef[]> = {
  'lecture-mnist': [
    { type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 10, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 10, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'fc', num_neurons: 100, activation: 'relu' },
    { type: 'softmax', num_classes: 10 },
  ],
  'convnetjs-cifar10': [
    { type: 'input', out_sx: 32, out_sy: 32, out_depth: 3 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 20, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 20, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'softmax', num_classes: 10 },
  ],
};

/** Copies sample b of an NCHW float batch into a ConvNetJS Vol (HWC layout). */
function fillVol(vol: Vol, x: Float32Array, b: number): void {
  const { sx, sy, depth } = vol;
  const plane = sx * sy;
  const base = b * depth * plane;
  const w = vol.w;
  for (let d = 0; d < depth; d++) {
    const src = base + d * plane;
    for (let p = 0; p < plane; p++) w[p * depth + d] = x[src + p]!;
  }
}

export async function createConvnetjsEngine(
  model: ModelKey,
  data: DatasetSplits,
  config: RunConfig,
): Promise<BenchEngine> {
  const net = new convnetjs.Net();
  net.makeLayers(LAYERS[model]);
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd',
    learning_rate: config.learningRate,
    momentum: config.momentum,
    batch_size: config.batchSize,
    l2_decay: 0,
  });
  const [c, h, w] = data.train.shape;
  const vol = new convnetjs.Vol(w, h, c, 0);
  const sampler = new BatchSampler(data.train, config.batchSize, config.seed);
  let loss = Number.NaN;

  const predictFrom = (x: Float32Array, b: number): number => {
    fillVol(vol, x, b);
    net.forward(vol, false);
    return net.getPrediction();
  };

  return {
    note: 'convnetjs 0.3.0, one sample at a time, Float64Array weights',
    async trainSteps(n: number): Promise<number> {
      for (let s = 0; s < n; s++) {
        const batch = sampler.next();
        let sum = 0;
        for (let b = 0; b < batch.n; b++) {
          fillVol(vol, batch.x, b);
          sum += trainer.train(vol, batch.labels[b]!).cost_loss;
        }
        loss = sum / batch.n;
      }
      return n;
    },
    async lastLoss(): Promise<number> {
      return loss;
    },
    async predictOne(index: number): Promise<number> {
      return predictFrom(testSlice(data.test, index, 1), 0);
    },
    async evaluate(count: number): Promise<number> {
      let correct = 0;
      for (let start = 0; start < count; start += 500) {
        const n = Math.min(500, count - start);
        const x = testSlice(data.test, start, n);
        for (let b = 0; b < n; b++) if (predictFrom(x, b) === data.test.labels[start + b]) correct++;
      }
      return correct / count;
    },
    dispose(): void {},
  };
}
