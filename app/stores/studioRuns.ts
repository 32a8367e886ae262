/**
 * Finished studio runs kept for comparison (this page session only): each run's learning curves
 * with the settings that produced them, so a student can train again with another learning rate
 * or optimiser and see the new curves against the old ones, as ConvNetJS's demos overlay
 * optimisers. At most MAX_RUNS are kept; the oldest goes first.
 */
import { create } from 'zustand';
import { PRESETS } from '../../engine/spec';
import type { OptimizerKind } from '../../engine/train/optimizers';
import type { ScheduleKind } from '../../engine/train/schedules';
import type { History, StudioState } from './studio';

export interface RunSettings {
  /** The preset's title, or the spec's name for an edited model. */
  readonly model: string;
  readonly dataset: string;
  readonly optimizer: OptimizerKind;
  readonly learningRate: number;
  readonly schedule: ScheduleKind;
  readonly batchSize: number;
  /** Epochs trained (with "Train more", more than one run's setting). */
  readonly epochs: number;
  readonly seed: number;
}

export interface KeptRun {
  /** The studio's build number: one model built is one run, however often "Train more" continues it. */
  readonly id: number;
  readonly settings: RunSettings;
  readonly history: History;
  readonly status: 'done' | 'diverged';
  /** Validation accuracy of the last full pass, when there was one. */
  readonly validationAccuracy: number | null;
  readonly visible: boolean;
  readonly color: string;
}

export const MAX_RUNS = 8;

/** One colour per kept run; each reads at 4.5:1 or better on white (the legend's text). */
export const RUN_COLORS: readonly string[] = [
  '#6d28d9',
  '#0f766e',
  '#b45309',
  '#be185d',
  '#4d7c0f',
  '#0369a1',
  '#7c2d12',
  '#475569',
];

interface RunsState {
  readonly runs: readonly KeptRun[];
}

export const useRuns = create<RunsState>()(() => ({ runs: [] }));

/** Adds a finished run, or updates it when "Train more" finished it again (same id). */
export function keepRun(run: Omit<KeptRun, 'visible' | 'color'>): void {
  const { runs } = useRuns.getState();
  const existing = runs.find((r) => r.id === run.id);
  if (existing) {
    useRuns.setState({ runs: runs.map((r) => (r.id === run.id ? { ...r, ...run } : r)) });
    return;
  }
  const kept = runs.slice(Math.max(0, runs.length - (MAX_RUNS - 1)));
  const used = new Set(kept.map((r) => r.color));
  const color = RUN_COLORS.find((c) => !used.has(c)) ?? RUN_COLORS[run.id % RUN_COLORS.length]!;
  useRuns.setState({ runs: [...kept, { ...run, visible: true, color }] });
}

/** The record of the studio's current run as it stands (null when it never trained). */
export function finishedRun(s: StudioState, status: KeptRun['status']): Omit<KeptRun, 'visible' | 'color'> | null {
  const h = s.history;
  const epochs = Math.max(0, h.trainLoss.at(-1)?.x ?? 0, h.validationLoss.at(-1)?.x ?? 0);
  if (epochs === 0) return null;
  return {
    id: s.runId,
    status,
    history: h,
    validationAccuracy: s.lastEpoch?.validation?.accuracy ?? null,
    settings: {
      model: (s.presetKey && PRESETS[s.presetKey]?.title) || s.builtSpec?.name || 'Model',
      dataset: s.dataset.info?.name ?? s.dataset.choice,
      optimizer: s.hyper.optimizer,
      learningRate: s.hyper.learningRate,
      schedule: s.hyper.schedule,
      batchSize: s.hyper.batchSize,
      epochs,
      seed: s.hyper.seed,
    },
  };
}

export function toggleRun(id: number): void {
  useRuns.setState({ runs: useRuns.getState().runs.map((r) => (r.id === id ? { ...r, visible: !r.visible } : r)) });
}

export function clearRuns(): void {
  useRuns.setState({ runs: [] });
}

const OPTIMIZER_NAMES: Readonly<Record<OptimizerKind, string>> = { sgd: 'SGD', momentum: 'momentum', adam: 'Adam' };

/** "Lecture CNN · Adam · lr 0.001 · batch 32 · 2 epochs": what differs between runs, in a line. */
export function runLabel(s: RunSettings): string {
  const parts = [
    s.model,
    OPTIMIZER_NAMES[s.optimizer],
    `lr ${Number(s.learningRate.toPrecision(3))}`,
    ...(s.schedule === 'constant' ? [] : [s.schedule]),
    `batch ${s.batchSize}`,
    `${Number(s.epochs.toFixed(2))} epoch${s.epochs === 1 ? '' : 's'}`,
  ];
  return parts.join(' · ');
}
