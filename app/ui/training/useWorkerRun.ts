/**
 * A lesson's training run in a Web Worker, as a React hook. Each hook owns one worker (two hooks
 * side by side train in parallel on two cores) for as long as the component is mounted. A setup
 * equal by value to the last one changes nothing; a different one rebuilds the run; null waits.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { WorkerClient } from '../../../engine/worker/client';
import { LOADING_VIEW, type RunView, setupKey, type WorkerRunSetup } from './runView';
import { type RunPort, WorkerRun } from './workerRun';

export type { EpochPoint, GradientNormPoint, LayerNorm, RunPoint, RunStatus, RunView, WorkerRunSetup } from './runView';

export interface WorkerRunControls {
  readonly view: RunView;
  readonly start: () => void;
  readonly pause: () => void;
  readonly step: () => void;
  readonly reset: () => void;
  /** The run itself, for requests beyond the controls (inspect, export/import weights); null before mount. */
  readonly run: () => WorkerRun | null;
}

function openWorker(): RunPort {
  const worker = new Worker(new URL('../../../engine/worker/worker.ts', import.meta.url), { type: 'module' });
  return {
    client: new WorkerClient(worker),
    terminate: () => worker.terminate(),
    embeddedUrl: new URL('data/mnist-embedded.bin.gz', document.baseURI).href,
  };
}

export function useWorkerRun(setup: WorkerRunSetup | null): WorkerRunControls {
  const run = useRef<WorkerRun | null>(null);
  const [view, setView] = useState<RunView>(LOADING_VIEW);
  const key = setup ? setupKey(setup) : null;
  // The setup as of its key: a new object with equal contents must not rebuild the run.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by value on purpose
  const stableSetup = useMemo(() => setup, [key]);

  useEffect(() => {
    const created = new WorkerRun(openWorker());
    run.current = created;
    const stop = created.subscribe(setView);
    return () => {
      stop();
      created.dispose();
      if (run.current === created) run.current = null;
    };
  }, []);

  useEffect(() => {
    if (stableSetup && run.current) void run.current.apply(stableSetup);
  }, [stableSetup]);

  return useMemo(
    () => ({
      view,
      start: () => run.current?.start(),
      pause: () => run.current?.pause(),
      step: () => run.current?.step(),
      reset: () => run.current?.reset(),
      run: () => run.current,
    }),
    [view],
  );
}
