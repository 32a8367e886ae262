/**
 * Weights checkpoints of a GPU run: copies read back at epoch ends and every few seconds,
 * kept only when every value is finite. A diverged run is restored from the last one, and a
 * lost device continues from it (engine/worker/session.ts).
 */
import type { NamedArrays } from './model';

export interface Checkpoint {
  /** The steps done when the weights were read. */
  readonly step: number;
  readonly weights: NamedArrays;
}

export class Checkpointer {
  private valueField: Checkpoint | null = null;
  private pending: Promise<void> | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  /** `read` gives the weights after all work submitted so far, or null when the device is gone. */
  constructor(
    private readonly read: () => Promise<NamedArrays | null>,
    private readonly everyMs: number,
  ) {}

  get value(): Checkpoint | null {
    return this.valueField;
  }

  /** Reads the weights as of `step` (no new read while one is in flight). */
  take(step: number): Promise<void> {
    if (this.pending) return this.pending;
    this.lastAt = performance.now();
    this.pending = this.read().then((weights) => {
      this.pending = null;
      if (weights && Object.values(weights).every((w) => w.every(Number.isFinite))) {
        this.valueField = { step, weights };
      }
    });
    return this.pending;
  }

  /** take(step) if `everyMs` has passed since the last checkpoint began. */
  maybeTake(step: number): void {
    if (!this.pending && performance.now() - this.lastAt > this.everyMs) void this.take(step);
  }

  /** Resolves when no read is in flight. */
  async settled(): Promise<void> {
    await this.pending;
  }
}

export interface Divergence {
  readonly step: number;
  readonly loss: number;
  readonly lr: number;
}

/** The message for a run stopped by a non-finite loss seen at a readback (cf. the CPU trainer's). */
export function divergedMessage(d: Divergence, lastGoodStep: number, seed: number, restored: number | null): string {
  const from = lastGoodStep + 1;
  const where = from === d.step ? `at step ${d.step}` : `between steps ${from} and ${d.step}`;
  const kept =
    restored === null
      ? 'The weights could not be restored.'
      : `The weights are restored to those after step ${restored}.`;
  return `The loss became ${d.loss} ${where} (seed ${seed}). The learning rate ${d.lr.toPrecision(3)} is probably too high for this model: lower it and train again. ${kept}`;
}
