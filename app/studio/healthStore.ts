/**
 * What the studio shows about the run's health: the worker's verdict when it paused an unhealthy
 * run (engine/worker/health-watch.ts), and, after "Go back to the last good checkpoint", where
 * the model is now and its loss measured there. Its own small store so the controller can fill it
 * without importing the actions that act on it (health.ts).
 */
import { create } from 'zustand';
import type { FromWorker } from '../../engine/worker/protocol';

export type HealthVerdictMessage = Extract<FromWorker, { type: 'health' }>;

export interface RestoredCheckpoint {
  readonly step: number;
  /** Validation metrics of the restored weights, on the first `images` validation images. */
  readonly loss: number;
  readonly accuracy: number;
  readonly images: number;
}

export interface HealthState {
  readonly verdict: HealthVerdictMessage | null;
  readonly restored: RestoredCheckpoint | null;
  /** A request to the worker is on its way (the buttons wait for it). */
  readonly busy: boolean;
  readonly error: string | null;
}

const EMPTY: HealthState = { verdict: null, restored: null, busy: false, error: null };

export const useHealth = create<HealthState>()(() => EMPTY);

/** The worker paused an unhealthy run. */
export function showHealth(verdict: HealthVerdictMessage): void {
  useHealth.setState({ ...EMPTY, verdict });
}

/** A new model was built: nothing to say about it yet. */
export function clearHealth(): void {
  useHealth.setState(EMPTY);
}
