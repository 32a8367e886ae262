/**
 * The worker's training-health watch: it feeds every progress point of the current trainer to a
 * HealthMonitor (engine/train/health.ts), so an unhealthy run is caught within one metrics
 * interval, pauses the run and posts one 'health' message with the verdict and the words. It also
 * keeps the last good checkpoint: the weights, in memory, read through the host's export path
 * (getWeights on the CPU, a readback on WebGPU) before a run starts and then every
 * CHECKPOINT_EVERY steps at points that are healthy and clearly better than chance, so going back
 * never lands on weights that had already collapsed.
 */
import { atChance, HealthMonitor } from '../train/health';
import type { LossKind } from '../train/loss';
import type { TrainerEvent, TrainingRun } from '../train/trainer';
import type { ModelHost } from './backend';
import type { FromWorker } from './protocol';

/** Steps between checkpoints (on the lecture CNN on the CPU, a copy of 0.2 MB every ~0.5 s). */
export const CHECKPOINT_EVERY = 50;

export interface Checkpoint {
  /** Training steps the weights had when they were read. */
  readonly step: number;
  readonly weights: Readonly<Record<string, Float32Array>>;
}

export class HealthWatch {
  private monitor = new HealthMonitor();
  private classes = 2;
  private loss: LossKind = 'crossEntropy';
  /** One notice per run: after it (and after "Continue anyway") the run is not judged again. */
  private muted = false;
  private checkpoint: Checkpoint | null = null;
  /** The model the checkpoint belongs to; a checkpoint never crosses a rebuild. */
  private owner: ModelHost | null = null;

  constructor(private readonly post: (message: FromWorker) => void) {}

  /** The last good checkpoint of `host`'s model, if one was taken. */
  checkpointOf(host: ModelHost | null): Checkpoint | null {
    return host !== null && host === this.owner ? this.checkpoint : null;
  }

  /** The model was rebuilt, moved or given other weights: its old checkpoint no longer applies. */
  forget(): void {
    this.checkpoint = null;
    this.owner = null;
  }

  /** A new trainer over `host` begins at `startStep`: judge it afresh. */
  begin(host: ModelHost, loss: LossKind, classes: number, startStep: number): void {
    this.monitor = new HealthMonitor({ loss, startStep });
    this.loss = loss;
    this.classes = classes;
    this.muted = false;
    if (this.owner !== host) this.forget();
  }

  /**
   * The learning rate changed mid-run (e.g. lowered after a notice): forget the old smoothed loss
   * and judge the run again from `step`, with a fresh warm-up.
   */
  rejudge(step: number): void {
    this.monitor = new HealthMonitor({ loss: this.loss, startStep: step });
    this.muted = false;
  }

  /** Takes a checkpoint of the weights a run starts from, unless this model already has one. */
  async ensureCheckpoint(host: ModelHost, step: number): Promise<void> {
    if (this.checkpointOf(host) === null) await this.take(host, step);
  }

  /** Called with every event of the current trainer, after it was posted to the page. */
  observe(event: TrainerEvent, trainer: TrainingRun, host: ModelHost): void {
    if (this.muted) return;
    if (event.type === 'status' && event.status === 'diverged') {
      // The trainer met a non-finite loss itself and stopped with the weights from before it.
      this.flag('non-finite', trainer.stepsDone, event.message ?? 'The loss stopped being a number.', host);
      return;
    }
    if (event.type !== 'progress') return;
    const { step, loss, accuracy } = event.progress;
    const report = this.monitor.observe({ step, loss, accuracy, classes: this.classes });
    if (report.verdict === 'healthy') {
      const last = this.checkpointOf(host)?.step ?? Number.NEGATIVE_INFINITY;
      if (step - last >= CHECKPOINT_EVERY && !atChance(accuracy, this.classes)) void this.take(host, trainer.stepsDone);
      return;
    }
    trainer.pause();
    this.flag(report.verdict, report.step, report.reason, host);
  }

  private flag(
    verdict: Extract<FromWorker, { type: 'health' }>['verdict'],
    step: number,
    message: string,
    host: ModelHost,
  ): void {
    this.muted = true;
    this.post({ type: 'health', verdict, step, message, checkpointStep: this.checkpointOf(host)?.step ?? null });
  }

  private async take(host: ModelHost, step: number): Promise<void> {
    try {
      const weights = await host.weights();
      // A rebuild while the weights were read back: they belong to a model that is gone.
      if (this.owner !== null && this.owner !== host) return;
      this.owner = host;
      this.checkpoint = { step, weights };
    } catch {
      // A lost device or a destroyed model: keep the previous checkpoint.
    }
  }
}
