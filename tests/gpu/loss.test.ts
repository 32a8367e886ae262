import { describe, expect, it } from 'vitest';
import { multiclassHinge, softmaxCrossEntropy } from '../../engine/cpu/losses';
import { hingeLossOp, metricsWords, softmaxCrossEntropyOp } from '../../engine/gpu/loss';
import { createRng } from '../../engine/tensor/rng';
import { argmax } from '../../engine/train/metrics';
import { expectGpuMatchesCpu, randomFloats, runGpu, withDevice } from './harness';

const gpu = withDevice();
const TOL = { abs: 1e-6, rel: 1e-5 };

function expectedMetrics(batch: number, classes: number, logits: Float32Array, labels: Uint32Array, runs: number) {
  let correct = 0;
  const confusion = new Uint32Array(classes * classes);
  for (let n = 0; n < batch; n++) {
    const p = argmax(logits, n * classes, classes);
    if (p === labels[n]) correct++;
    confusion[labels[n]! * classes + p]! += runs;
  }
  return { correct: correct * runs, count: batch * runs, confusion };
}

describe('loss heads on the GPU', () => {
  for (const [batch, classes] of [
    [1, 10],
    [64, 10],
    [37, 3],
    [130, 7],
  ] as const) {
    for (const kind of ['crossEntropy', 'hinge'] as const) {
      it(`${kind} loss, gradient and metrics match CPU logits=[${batch},${classes}] (accumulated over 2 steps)`, async () => {
        const rng = createRng(batch * classes);
        const logits = randomFloats(rng, batch * classes, -4, 4);
        const labels = Uint32Array.from({ length: batch }, () => rng.int(classes));
        const grad = new Float32Array(logits.length);
        const cpuLoss =
          kind === 'crossEntropy'
            ? softmaxCrossEntropy(batch, classes, logits, labels, grad)
            : multiclassHinge(batch, classes, logits, labels, grad);
        const out = await runGpu(
          gpu(),
          { logits, labels, dLogits: logits.length, metrics: metricsWords(classes) },
          (ctx, t) => {
            const b = { logits: t.logits!, labels: t.labels!, dLogits: t.dLogits!, metrics: t.metrics! };
            return [
              kind === 'crossEntropy'
                ? softmaxCrossEntropyOp(ctx, kind, batch, classes, b)
                : hingeLossOp(ctx, kind, batch, classes, b),
            ];
          },
          { times: 2, before: () => {} },
        );
        expectGpuMatchesCpu(`${kind} gradient`, out.f32('dLogits'), grad, TOL);
        const words = out.u32('metrics');
        const lossSum = out.f32('metrics')[0]!;
        expectGpuMatchesCpu(`${kind} loss sum`, [lossSum], [2 * cpuLoss * batch], { abs: 1e-4, rel: 1e-5 });
        const want = expectedMetrics(batch, classes, logits, labels, 2);
        expect(words[1]).toBe(want.correct);
        expect(words[2]).toBe(want.count);
        expect(Array.from(words.subarray(4))).toEqual(Array.from(want.confusion));
      });
    }
  }
});
