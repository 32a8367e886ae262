/**
 * The run-state machine every trainer shares, whatever backend runs the steps: status and its
 * events, listeners, pause / resume / single step / cancel, and the wait at the top of the
 * training loop. Trainer (CPU) and GpuTrainer (WebGPU) each own one and delegate to it.
 */
import type { TrainerEvent, TrainerStatus } from './training-run';

export class RunControl {
  status: TrainerStatus = 'idle';
  message: string | null = null;
  cancelRequested = false;
  private readonly listeners = new Set<(event: TrainerEvent) => void>();
  private pendingSteps = 0;
  /** Whether the step the loop is taking now was asked for by stepOnce() while paused. */
  private steppingOnce = false;
  private wake: (() => void) | null = null;

  subscribe(listener: (event: TrainerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: TrainerEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  setStatus(status: TrainerStatus, message: string | null = null): void {
    this.status = status;
    this.message = message;
    this.emit({ type: 'status', status, message });
  }

  pause(): void {
    if (this.status === 'running' || this.status === 'idle') this.setStatus('paused');
  }

  resume(): void {
    if (this.status !== 'paused') return;
    this.setStatus('running');
    this.wakeLoop();
  }

  /** While paused (or before run), asks the loop to take exactly one more step. */
  stepOnce(): void {
    if (this.status === 'idle') this.setStatus('paused');
    if (this.status !== 'paused') return;
    this.pendingSteps++;
    this.wakeLoop();
  }

  cancel(): void {
    this.cancelRequested = true;
    this.wakeLoop();
  }

  /** Wakes a loop waiting in turn(), e.g. when something outside (a lost device) must stop it. */
  wakeLoop(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /**
   * Called before each step: waits while paused with no single step asked for. Resolves false
   * when the loop must stop instead (cancelled, or `stop()` says so).
   */
  async turn(stop: () => boolean = () => false): Promise<boolean> {
    while (this.status === 'paused' && this.pendingSteps === 0 && !this.cancelRequested && !stop()) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    if (this.cancelRequested || stop()) return false;
    // Paused and still going on: this turn is a single step (the trainer reports it at once).
    this.steppingOnce = this.status === 'paused';
    if (this.pendingSteps > 0) this.pendingSteps--;
    return true;
  }

  /** True while the loop takes a step that stepOnce() asked for (between turn() and the next). */
  get singleStep(): boolean {
    return this.steppingOnce;
  }
}
