/**
 * The training worker's entry point: binds a WorkerSession to the worker's message port.
 * Created by the page with `new Worker(new URL('engine/worker/worker.ts', import.meta.url), { type: 'module' })`.
 */
import { type FromWorker, type ToWorker, transferablesOf } from './protocol';
import { WorkerSession } from './session';

const scope = globalThis as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const session = new WorkerSession((message) => scope.postMessage(message, transferablesOf(message)));
scope.onmessage = (event) => {
  void session.handle(event.data);
};
