import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../engine/cpu/losses';
import { BufferPool } from '../../engine/gpu/buffers';
import { metricsWords, softmaxCrossEntropyOp } from '../../engine/gpu/loss';
import { MetricsRing } from '../../engine/gpu/metrics';
import type { GpuContext } from '../../engine/gpu/op';
import { createRng } from '../../engine/tensor/rng';
import { randomFloats, withDevice } from './harness';

const gpu = withDevice();

describe('metrics ring', () => {
  it('captures and clears the accumulator, declines when every slot is in flight, loses no samples', async () => {
    const { device, pipelines } = gpu();
    const ctx: GpuContext = { device, pipelines, pool: new BufferPool(device) };
    const [batch, classes] = [16, 4];
    const rng = createRng(5);
    const logits = randomFloats(rng, batch * classes, -3, 3);
    const labels = Uint32Array.from({ length: batch }, () => rng.int(classes));
    const loss = softmaxCrossEntropy(batch, classes, logits, labels) * batch;
    const metrics = ctx.pool.storage('metrics', metricsWords(classes) * 4);
    const op = softmaxCrossEntropyOp(ctx, 'ce', batch, classes, {
      logits: ctx.pool.upload('logits', logits),
      labels: ctx.pool.upload('labels', labels),
      dLogits: ctx.pool.storage('dLogits', logits.byteLength),
      metrics,
    });
    const ring = new MetricsRing(ctx, 'test', metrics, classes, 2);
    const step = (capture: boolean): number => {
      const encoder = device.createCommandEncoder({ label: 'step' });
      const pass = encoder.beginComputePass();
      op.encode(pass);
      pass.end();
      const slot = capture ? ring.capture(encoder) : -1;
      device.queue.submit([encoder.finish()]);
      return slot;
    };
    step(false);
    const first = step(true); // 2 steps accumulated
    const second = step(true); // 1 step
    const declined = step(true); // both slots in flight: keeps accumulating
    expect([first, second, declined]).toEqual([0, 1, -1]);
    const a = await ring.read(first);
    const b = await ring.read(second);
    expect(a.count).toBe(2 * batch);
    expect(b.count).toBe(batch);
    expect(a.lossSum).toBeCloseTo(2 * loss, 3);
    expect(b.lossSum).toBeCloseTo(loss, 3);
    expect(a.correct).toBe(2 * b.correct);
    expect(a.confusion.reduce((s, v) => s + v, 0)).toBe(2 * batch);
    const third = step(true); // the declined step and this one
    const c = await ring.read(third);
    expect(c.count).toBe(2 * batch);
    ctx.pool.destroy();
  });
});
