/**
 * Asks the lesson's worker something (an inspect query, a snapshot, a prediction) whenever `key`
 * changes, and keeps the latest answer. An answer to an older key is dropped, so a slow reply can
 * never overwrite a newer picture. While `ask` is null (the net is training) the last answer stays.
 * The worker refuses bad queries in words; that message is shown in place of the picture.
 */
import { useEffect, useRef, useState } from 'react';
import type { WorkerRun } from '../../app/ui/training/workerRun';
import { useLearned } from './learnedRun';

export interface QueryState<T> {
  readonly value: T | null;
  readonly error: string | null;
  readonly busy: boolean;
}

export function useWorkerQuery<T>(ask: ((run: WorkerRun) => Promise<T>) | null, key: string): QueryState<T> {
  const { controls } = useLearned();
  const [state, setState] = useState<QueryState<T>>({ value: null, error: null, busy: false });
  const asked = useRef(0);
  const askRef = useRef(ask);
  askRef.current = ask;
  // The controls object changes with every view update; the run inside it does not.
  const controlsRef = useRef(controls);
  controlsRef.current = controls;
  const active = ask !== null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again exactly when the key changes
  useEffect(() => {
    const run = controlsRef.current.run();
    const current = askRef.current;
    if (!active || !run || !current) return;
    const generation = ++asked.current;
    setState((s) => ({ ...s, busy: true }));
    current(run).then(
      (value) => {
        if (generation === asked.current) setState({ value, error: null, busy: false });
      },
      (error: unknown) => {
        if (generation !== asked.current) return;
        setState({ value: null, error: error instanceof Error ? error.message : String(error), busy: false });
      },
    );
  }, [key, active]);

  return state;
}
