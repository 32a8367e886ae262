/**
 * Reading the on-GPU metrics accumulator without stalling training. The loss kernels add into
 * one accumulator buffer every step (engine/gpu/loss.ts gives its layout). Every N steps the
 * trainer asks this ring to `capture` into the step's encoder: a copy of the accumulator into a
 * free MAP_READ staging buffer, then a clear of the accumulator. After submitting, `read(slot)`
 * maps that staging buffer asynchronously; the next steps go on meanwhile. When every slot is
 * still waiting to be read, capture declines and the accumulator simply keeps summing, so no
 * sample is lost or counted twice.
 */
import { metricsWords } from './loss';
import type { GpuContext } from './op';

export interface GpuMetrics {
  /** Summed (not mean) data loss over `count` samples. */
  readonly lossSum: number;
  /** The L1/L2 penalty times each step's batch size, summed over the steps (0 without regularisation). */
  readonly penaltySum: number;
  readonly correct: number;
  readonly count: number;
  /** [label * classes + predicted] counts. */
  readonly confusion: Uint32Array;
}

export class MetricsRing {
  private readonly slots: GPUBuffer[];
  private readonly busy: boolean[];
  private readonly bytes: number;

  constructor(
    ctx: GpuContext,
    label: string,
    private readonly accumulator: GPUBuffer,
    private readonly classes: number,
    slots = 3,
  ) {
    this.bytes = metricsWords(classes) * 4;
    this.slots = Array.from({ length: slots }, (_, i) => ctx.pool.staging(`${label} metrics staging ${i}`, this.bytes));
    this.busy = this.slots.map(() => false);
  }

  /**
   * Records copy-then-clear of the accumulator into `encoder` if a staging slot is free.
   * Returns the slot to `read` after the encoder is submitted, or −1 if all are in flight.
   */
  capture(encoder: GPUCommandEncoder): number {
    const slot = this.busy.indexOf(false);
    if (slot < 0) return -1;
    this.busy[slot] = true;
    encoder.copyBufferToBuffer(this.accumulator, 0, this.slots[slot]!, 0, this.bytes);
    encoder.clearBuffer(this.accumulator, 0, this.bytes);
    return slot;
  }

  /** The metrics captured in `slot`; call once per capture, after submitting its encoder. */
  async read(slot: number): Promise<GpuMetrics> {
    const buffer = this.slots[slot];
    if (!buffer || !this.busy[slot]) throw new RangeError(`MetricsRing: slot ${slot} holds no capture`);
    await buffer.mapAsync(GPUMapMode.READ, 0, this.bytes);
    const raw = buffer.getMappedRange(0, this.bytes).slice(0);
    buffer.unmap();
    this.busy[slot] = false;
    const words = new Uint32Array(raw);
    return {
      lossSum: new Float32Array(raw, 0, 1)[0]!,
      penaltySum: new Float32Array(raw, 12, 1)[0]!,
      correct: words[1]!,
      count: words[2]!,
      confusion: words.slice(4, 4 + this.classes * this.classes),
    };
  }
}
