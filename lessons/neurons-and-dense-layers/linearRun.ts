/**
 * Training the linear classifier f(x; W) = Wx + b in a Web Worker (app/ui/training/useWorkerRun.ts):
 * one dense layer on the flattened pixels (the presets linear-cifar10 / linear-mnist), softmax
 * cross-entropy, Adam. With each progress point the hook reads back W alone (the dense layer's
 * weights) so the widget can redraw the ten class templates as they form; each epoch ends with the
 * worker's evaluation on the test images (per-class accuracy).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { type RunView, useWorkerRun, type WorkerRunSetup } from '../../app/ui/training/useWorkerRun';
import { PRESETS } from '../../engine/spec/presets';
import type { Metrics } from '../../engine/train/metrics';
import type { DatasetSource } from '../../engine/worker/protocol';

export const LINEAR_BATCH = 100;

/** The run's setup: the embedded digits when `source` is null, else the given (CIFAR-10) splits. */
export function linearSetup(source: DatasetSource | null, colour: boolean, epochs: number): WorkerRunSetup {
  return {
    spec: PRESETS[colour ? 'linear-cifar10' : 'linear-mnist']!.spec,
    seed: 3,
    // Tiny initial weights, so what the rows show as templates is what training put there.
    init: { normal: 0.001 },
    trainer: {
      epochs,
      batchSize: LINEAR_BATCH,
      // Measured: MNIST reaches ~88% in one epoch at 0.005; CIFAR-10 overshoots there (~30%) and
      // does best near 0.001. At a constant rate its last steps still swing the test accuracy by
      // several points (35.7-37.4% after two or five epochs), so for CIFAR-10 the rate falls to 5%
      // over the run (cosine), which lets the templates settle.
      learningRate: colour ? 0.001 : 0.005,
      ...(colour ? { schedule: { kind: 'cosine' as const, minFactor: 0.05 } } : {}),
      optimizer: { kind: 'adam' },
      // A light L2 penalty keeps the templates smooth enough to recognise.
      regularization: { l1: 0, l2: 1e-4 },
      seed: 3,
      progressEvery: 10,
    },
    // Nothing held out for validation: each epoch is judged on the test split, as the lecture does.
    data: { trainLimit: null, validation: 0, ...(source ? { source } : {}) },
  };
}

export interface LinearRunState {
  readonly view: RunView;
  /** Start was pressed or training runs. */
  readonly running: boolean;
  /** The latest W read back (classes × inputs), null before the first progress point. */
  readonly weights: Float32Array | null;
  /** Test-split metrics after the latest epoch, null before the first. */
  readonly metrics: Metrics | null;
  readonly start: () => void;
  readonly stop: () => void;
}

export function useLinearRun(setup: WorkerRunSetup | null): LinearRunState {
  const controls = useWorkerRun(setup);
  const { view } = controls;
  const [weights, setWeights] = useState<Float32Array | null>(null);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [pending, setPending] = useState(false);
  const reading = useRef(false);
  // The latest controls, for effects that must run on their own triggers only (controls change with every view).
  const latest = useRef(controls);
  latest.current = controls;

  // A fresh run (Reset, new epochs or data) starts without templates or accuracies.
  useEffect(() => {
    if (view.status !== 'loading') return;
    setWeights(null);
    setMetrics(null);
  }, [view.status]);

  useEffect(() => {
    if (!pending || view.status !== 'ready') return;
    setPending(false);
    latest.current.start();
  }, [pending, view.status]);

  // W after the latest progress point; one read at a time, a point that finds one in flight is skipped.
  const points = view.points.length;
  useEffect(() => {
    const run = latest.current.run();
    const dense = view.summary?.layers.find((l) => l.type === 'dense');
    if (points === 0 || !run || !dense || reading.current) return;
    reading.current = true;
    run
      .snapshot('weights', dense.index, 0)
      .then((tensors) => {
        const w = tensors.find((t) => t.name === `${dense.id}.weight`);
        if (w) setWeights(w.data);
      })
      .catch(() => undefined) // the model was rebuilt meanwhile: the next point reads again
      .finally(() => {
        reading.current = false;
      });
  }, [points, view.summary]);

  const epochs = view.epochs.length;
  useEffect(() => {
    const run = latest.current.run();
    if (epochs === 0 || !run) return;
    run
      .evaluate('test')
      .then((answer) => setMetrics(answer.metrics))
      .catch(() => undefined);
  }, [epochs]);

  return useMemo(
    () => ({
      view,
      weights,
      metrics,
      running: pending || view.status === 'running',
      start: () => {
        // A finished or stopped run starts afresh: fresh weights from the seed, curves cleared.
        if (view.status !== 'ready') controls.reset();
        setPending(true);
      },
      stop: () => {
        setPending(false);
        controls.pause();
      },
    }),
    [view, weights, metrics, pending, controls],
  );
}
