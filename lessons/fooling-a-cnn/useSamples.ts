/**
 * The images the attack can start from: the first SAMPLES validation images with their labels and
 * the net's logits for them, read with one 'codes' query on the logits layer. Read again whenever
 * the run reaches a new resting state (trained, paused, reset), so predictions match the weights.
 */
import { useEffect, useRef, useState } from 'react';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { layerIndex } from '../cnn-codes/trainSetup';

export const SAMPLES = 100;

export interface Samples {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  /** The net's predicted class for each image. */
  readonly predictions: Int32Array;
  readonly step: number;
}

function argmaxRows(values: Float32Array, width: number): Int32Array {
  const out = new Int32Array(values.length / width);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let j = 1; j < width; j++) if (values[i * width + j]! > values[i * width + best]!) best = j;
    out[i] = best;
  }
  return out;
}

export function useSamples(controls: WorkerRunControls): { samples: Samples | null; message: string | null } {
  const [samples, setSamples] = useState<Samples | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { status, stepsDone } = controls.view;
  const resting = status === 'ready' || status === 'paused' || status === 'done';
  // The controls object changes with every view update; the run behind it does not.
  const controlsRef = useRef(controls);
  controlsRef.current = controls;
  useEffect(() => {
    if (!resting) return;
    const run = controlsRef.current.run();
    if (!run) return;
    let live = true;
    void (async () => {
      try {
        const result = await run.inspect({ kind: 'codes', layer: layerIndex('logits'), count: SAMPLES });
        if (result.kind !== 'codes') throw new Error(`Expected logits, got ${result.kind}.`);
        if (!live) return;
        const predictions = argmaxRows(result.codes, result.dim);
        setSamples({ images: result.images, labels: result.labels, predictions, step: stepsDone });
        setMessage(null);
      } catch (error) {
        if (live) setMessage(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      live = false;
    };
  }, [resting, stepsDone]);
  return { samples, message };
}
