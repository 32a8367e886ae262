/**
 * The studio's one training worker and the routing of its messages into the studio store. The
 * worker is created lazily on the first visit to the studio and kept for the page's lifetime, so
 * leaving the studio and coming back finds the same model and curves (and React's StrictMode
 * double mount cannot create two). Everything the page asks of the worker goes through the
 * WorkerClient returned by `studioClient()`.
 */
import { isSpecError, type ModelSpec } from '../../engine/spec';
import { WorkerClient } from '../../engine/worker/client';
import type { FromWorker } from '../../engine/worker/protocol';
import {
  addEpoch,
  addProgress,
  patchDataset,
  type StudioInit,
  setBackend,
  setBuilt,
  setModelError,
  setStatus,
  setWorkerError,
  useStudio,
} from '../stores/studio';
import { clearHealth, showHealth } from './healthStore';
import { initScheme } from './hyper';
import { noteKept } from './storedDatasets';

interface Connection {
  readonly worker: Worker;
  readonly client: WorkerClient;
}

let connection: Connection | null = null;
/** The spec of the last 'build' sent: the 'model' answer carries only the summary. */
let pendingSpec: ModelSpec | null = null;
/** Hooks the actions module installs, so this module needs no import cycle back into it. */
const hooks: { onBackend: () => void; onDataset: () => void; onModel: () => void; onActivity: () => void } = {
  onBackend: () => undefined,
  onDataset: () => undefined,
  onModel: () => undefined,
  onActivity: () => undefined,
};

export function setControllerHooks(next: Partial<typeof hooks>): void {
  Object.assign(hooks, next);
}

/** The client, creating the worker (and sending 'init' with backend 'auto') on first use. */
export function studioClient(): WorkerClient {
  if (connection) return connection.client;
  const worker = new Worker(new URL('../../engine/worker/worker.ts', import.meta.url), { type: 'module' });
  const client = new WorkerClient(worker);
  worker.addEventListener('error', (event: ErrorEvent) => {
    setWorkerError(`The training worker failed to start: ${event.message || 'unknown error'}. Reload the page.`);
  });
  client.subscribe(receive);
  connection = { worker, client };
  client.send({ type: 'init', backend: useStudio.getState().engineChoice });
  return client;
}

export function isConnected(): boolean {
  return connection !== null;
}

/** Sends 'build' and remembers the spec, so the answer can be paired with it. */
export function sendBuild(spec: ModelSpec, seed: number, init: StudioInit = 'he'): void {
  pendingSpec = spec;
  studioClient().send({ type: 'build', spec, seed, init: initScheme(init) });
}

function receive(message: FromWorker): void {
  switch (message.type) {
    case 'backend':
      setBackend({ kind: message.backend, adapter: message.adapter, threads: message.threads, reason: message.reason });
      hooks.onBackend();
      return;
    case 'dataset-progress':
      patchDataset({ progress: message.progress });
      return;
    case 'dataset':
      patchDataset({ status: 'ready', info: message.info, error: null, progress: null });
      noteKept(message.keep ?? null);
      hooks.onDataset();
      return;
    case 'model':
      setBuilt(message.summary, pendingSpec ?? useStudio.getState().draft);
      clearHealth();
      hooks.onModel();
      return;
    case 'trainer':
      if (message.event.type === 'progress') addProgress(message.event.progress);
      else if (message.event.type === 'epoch') addEpoch(message.event);
      else setStatus(message.event.status, message.event.message);
      hooks.onActivity();
      return;
    case 'health':
      // The worker paused an unhealthy run: HealthNotice explains it and offers the way back.
      showHealth(message);
      hooks.onActivity();
      return;
    case 'error':
      onError(message.scope, message.message);
      return;
    // Answers to requests resolve their promises in WorkerClient and never arrive here.
    case 'snapshot':
    case 'prediction':
    case 'evaluation':
    case 'mistakes':
    case 'weights':
    case 'done':
      return;
  }
}

function onError(scope: Extract<FromWorker, { type: 'error' }>['scope'], message: string): void {
  switch (scope) {
    case 'dataset': {
      const choice = useStudio.getState().dataset.choice;
      const fetched = choice === 'mnist' || choice === 'cifar10';
      // Any failure to read the fetched files most likely means they were never downloaded.
      const hint =
        fetched && !message.includes('fetch-data')
          ? ' If you have not downloaded the full datasets yet, use the Download button above (on `npm start`) or run `npm run fetch-data`, then load it again.'
          : '';
      patchDataset({ status: 'error', error: message + hint, progress: null });
      return;
    }
    case 'model':
      setModelError(message);
      return;
    case 'training':
      // e.g. Start before a dataset loaded: keep the status, explain in place.
      setStatus(useStudio.getState().status, message);
      return;
    case 'backend':
    case 'request':
      setWorkerError(message);
      return;
  }
}

/** Formats an unknown thrown value for the status line. */
export function errorText(error: unknown): string {
  if (isSpecError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
