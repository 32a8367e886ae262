/**
 * One FGSM step on the picked image at the chosen epsilon, through the worker's 'fgsm' inspect
 * query (engine/inspect/fgsm.ts on the CPU engine). Only the answer to the latest request is kept,
 * so dragging the slider never shows an older epsilon's result.
 */
import { useEffect, useRef, useState } from 'react';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';

export interface Attack {
  readonly epsilon: number;
  readonly image: Float32Array;
  readonly perturbation: Float32Array;
  readonly lossBefore: number;
  readonly lossAfter: number;
  readonly before: Float32Array;
  readonly after: Float32Array;
}

export async function attack(
  controls: WorkerRunControls,
  pixels: Float32Array,
  label: number,
  epsilon: number,
): Promise<Attack> {
  const run = controls.run();
  if (!run) throw new Error('The net is not ready yet.');
  const result = await run.inspect({ kind: 'fgsm', image: { pixels: pixels.slice() }, label, epsilon });
  if (result.kind !== 'fgsm') throw new Error(`Expected an FGSM answer, got ${result.kind}.`);
  return { epsilon, ...result };
}

export function useFgsm(
  controls: WorkerRunControls,
  pixels: Float32Array | null,
  label: number,
  epsilon: number,
): { attack: Attack | null; message: string | null } {
  const [state, setState] = useState<{ attack: Attack | null; message: string | null }>({
    attack: null,
    message: null,
  });
  const latest = useRef(0);
  // The controls object changes with every view update; the run behind it does not.
  const controlsRef = useRef(controls);
  controlsRef.current = controls;
  useEffect(() => {
    if (!pixels) return;
    const id = ++latest.current;
    attack(controlsRef.current, pixels, label, epsilon).then(
      (a) => {
        if (id === latest.current) setState({ attack: a, message: null });
      },
      (error: unknown) => {
        if (id === latest.current)
          setState((s) => ({ ...s, message: error instanceof Error ? error.message : String(error) }));
      },
    );
  }, [pixels, label, epsilon]);
  return state;
}
