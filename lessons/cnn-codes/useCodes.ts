/**
 * Asks the lesson's training worker for the codes (the 32-unit layer's outputs) of the first
 * `count` validation images, with their pixels and labels (the 'codes' inspect query), on the
 * weights the net has now: before training, half-way or after.
 */
import { useCallback, useState } from 'react';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';

export interface Codes {
  readonly count: number;
  readonly dim: number;
  readonly codes: Float32Array;
  readonly images: Float32Array;
  readonly labels: Int32Array;
  /** Training steps the weights had taken when the codes were read. */
  readonly step: number;
}

export type CodesState =
  | { readonly status: 'idle' }
  | { readonly status: 'computing'; readonly count: number }
  | { readonly status: 'ready'; readonly codes: Codes }
  | { readonly status: 'error'; readonly message: string };

export function useCodes(
  controls: WorkerRunControls,
  layer: number,
): { state: CodesState; compute: (count: number) => void } {
  const [state, setState] = useState<CodesState>({ status: 'idle' });
  const compute = useCallback(
    (count: number) => {
      const run = controls.run();
      if (!run) return;
      const step = controls.view.stepsDone;
      setState({ status: 'computing', count });
      void (async () => {
        try {
          const result = await run.inspect({ kind: 'codes', layer, count });
          if (result.kind !== 'codes') throw new Error(`Expected codes, got ${result.kind}.`);
          const { dim, codes, images, labels } = result;
          setState({ status: 'ready', codes: { count, dim, codes, images, labels, step } });
        } catch (error) {
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        }
      })();
    },
    [controls, layer],
  );
  return { state, compute };
}
