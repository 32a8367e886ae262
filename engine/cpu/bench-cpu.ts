/**
 * CPU backend throughput: forward + loss + backward, in images per second, for the lecture's
 * MNIST net and the ConvNetJS CIFAR-10 net at batch 64 on one core.
 * Run with `npx tsx engine/cpu/bench-cpu.ts [seconds per net]`.
 */
import type { ModelSpec } from '../spec/types';
import { createRng } from '../tensor/rng';
import { softmaxCrossEntropy } from './losses';
import { createCpuModel } from './model';

const mnist: ModelSpec = {
  name: 'lecture MNIST',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 10, kernel: 5, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 10, kernel: 5, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 100, activation: 'relu' },
    { type: 'dense', units: 10 },
  ],
};

const cifar: ModelSpec = {
  name: 'ConvNetJS CIFAR-10',
  layers: [
    { type: 'input', shape: [3, 32, 32] },
    { type: 'conv2d', filters: 16, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 20, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: 20, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};

function bench(spec: ModelSpec, seconds: number, inputGradient: boolean): number {
  const model = createCpuModel(spec, { seed: 1, inputGradient });
  const batch = 64;
  const shape = model.summary.layers[0]!.outputShape;
  const rng = createRng(2);
  const x = {
    shape: [batch, ...shape],
    data: Float32Array.from({ length: batch * shape.reduce((a, b) => a * b, 1) }, () => rng.next()),
  };
  const labels = Uint8Array.from({ length: batch }, () => rng.int(10));
  const dLogits = { shape: [batch, 10], data: new Float32Array(batch * 10) };
  const step = (): void => {
    const outputs = model.forward(x, { training: true, rng });
    softmaxCrossEntropy(batch, 10, outputs[model.logitsLayer]!.data, labels, dLogits.data);
    model.backward(dLogits);
  };
  for (let i = 0; i < 5; i++) step(); // warm up the JIT
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    step();
    steps++;
  }
  return (steps * batch) / ((performance.now() - start) / 1000);
}

const seconds = Number(process.argv[2] ?? 3);
for (const spec of [mnist, cifar]) {
  for (const inputGradient of [true, false]) {
    const rate = bench(spec, seconds, inputGradient);
    console.log(
      `${spec.name}: ${rate.toFixed(0)} images/s (batch 64, forward+loss+backward${inputGradient ? '' : ', no input gradient'})`,
    );
  }
}
