/**
 * A replica's module Web Worker entry (started by browser-launcher.ts from the training worker):
 * binds serveReplica to the worker's message port. It imports only engine/.
 */
import type { FromReplica, ToReplica } from './protocol';
import { serveReplica } from './replica';

const scope = globalThis as unknown as {
  postMessage(message: FromReplica, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToReplica>) => void): void;
};

serveReplica({
  post: (message, transfer) => scope.postMessage(message, transfer),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
});
