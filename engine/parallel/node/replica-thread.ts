/**
 * A replica's Node worker-thread entry (started by ./launcher.ts): binds serveReplica to the
 * thread's parent port.
 */
import { parentPort } from 'node:worker_threads';
import type { FromReplica, ToReplica } from '../protocol';
import { serveReplica } from '../replica';

const port = parentPort;
if (!port) throw new Error('replica-thread.ts runs as a worker thread (engine/parallel/node/launcher.ts starts it).');

serveReplica({
  post: (message: FromReplica, transfer) => port.postMessage(message, transfer as unknown as ArrayBuffer[]),
  onMessage: (listener) => port.on('message', (message: ToReplica) => listener(message)),
});
