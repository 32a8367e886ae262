/**
 * Checkpoints of a GPU run: the weights and the optimiser's state, read back together at epoch
 * ends and every few seconds, kept only when every value is finite. A diverged run is restored
 * from the last one's weights, and a lost device continues from all of it
 * (engine/worker/session.ts), so Adam and momentum carry on where they were.
 */
import type { NamedArrays } from './model';

/** The optimiser's state buffers by `${param}:${slot}` and how many updates made them. */
export interface OptimizerState {
  readonly updates: number;
  readonly values: NamedArrays;
}

export interface Snapshot {
  readonly weights: NamedArrays;
  readonly optimizer: OptimizerState;
}

export interface Checkpoint extends Snapshot {
  /** The steps done when the weights were read. */
  readonly step: number;
}

const finite = (arrays: NamedArrays): boolean => Object.values(arrays).every((a) => a.every(Number.isFinite));

export class Checkpointer {
  private valueField: Checkpoint | null = null;
  private pending: Promise<void> | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  /** `read` gives the weights and state after all work submitted so far, or null when the device is gone. */
  constructor(
    private readonly read: () => Promise<Snapshot | null>,
    private readonly everyMs: number,
  ) {}

  get value(): Checkpoint | null {
    return this.valueField;
  }

  /** Reads the weights as of `step` (no new read while one is in flight). */
  take(step: number): Promise<void> {
    if (this.pending) return this.pending;
    this.lastAt = performance.now();
    this.pending = this.read().then((snapshot) => {
      this.pending = null;
      if (snapshot && finite(snapshot.weights) && finite(snapshot.optimizer.values)) {
        this.valueField = { step, ...snapshot };
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
