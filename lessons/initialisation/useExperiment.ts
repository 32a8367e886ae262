/**
 * Runs the experiment for `settings` in the lesson's worker and returns where it stands. A new
 * setting while a run is still computing ends that worker (a run cannot be interrupted from
 * outside) and starts a fresh one, so the newest request is answered first and a stale answer can
 * never overwrite it. The worker is ended when the widget unmounts.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExperimentResult, ExperimentSettings } from './experiment';
import type { ExperimentReply, ExperimentRequest } from './workerMessages';

export type ExperimentView =
  | { readonly status: 'computing'; readonly done: number; readonly total: number }
  | { readonly status: 'done'; readonly result: ExperimentResult }
  | { readonly status: 'error'; readonly message: string };

function createWorker(): Worker {
  return new Worker(new URL('./initWorker.ts', import.meta.url), { type: 'module' });
}

export function useExperiment(settings: ExperimentSettings): ExperimentView {
  const [view, setView] = useState<ExperimentView>({ status: 'computing', done: 0, total: 2 * settings.depth });
  const worker = useRef<{ worker: Worker; busy: boolean } | null>(null);
  const nextId = useRef(0);
  const key = JSON.stringify(settings);

  useEffect(() => {
    const request: ExperimentRequest = { id: ++nextId.current, settings: JSON.parse(key) as ExperimentSettings };
    if (worker.current?.busy) {
      worker.current.worker.terminate();
      worker.current = null;
    }
    if (!worker.current) worker.current = { worker: createWorker(), busy: false };
    const slot = worker.current;
    slot.busy = true;
    setView({ status: 'computing', done: 0, total: 2 * request.settings.depth });
    slot.worker.onmessage = (event: MessageEvent<ExperimentReply>) => {
      const reply = event.data;
      if (reply.id !== request.id) return;
      if (reply.kind === 'progress') setView({ status: 'computing', done: reply.done, total: reply.total });
      else {
        slot.busy = false;
        setView(
          reply.kind === 'result'
            ? { status: 'done', result: reply.result }
            : { status: 'error', message: `The experiment could not run: ${reply.message}` },
        );
      }
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      slot.busy = false;
      setView({ status: 'error', message: 'The experiment worker stopped unexpectedly. Change a setting to retry.' });
    };
    slot.worker.postMessage(request);
  }, [key]);

  useEffect(
    () => () => {
      worker.current?.worker.terminate();
      worker.current = null;
    },
    [],
  );

  // Until the effect above has run for a new setting, the last result belongs to the old one.
  if (view.status === 'done' && JSON.stringify(view.result.settings) !== key) {
    return { status: 'computing', done: 0, total: 2 * settings.depth };
  }
  return view;
}
