/**
 * Replicas as module Web Workers, started from the training worker (nested workers). A worker
 * that fails to load or throws outside a step reports through `error`; a message it sends that
 * cannot be deserialised through `messageerror`; both become the replica's failure in words.
 */
import type { FromReplica, ReplicaLauncher, ReplicaPort } from './protocol';

export const browserReplicaLauncher: ReplicaLauncher = (index): ReplicaPort => {
  const worker = new Worker(new URL('./replica-worker.ts', import.meta.url), {
    type: 'module',
    name: `convlab-replica-${index + 1}`,
  });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data as FromReplica)),
    onFailure(listener): void {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(`stopped with an error in its worker: ${event.message || 'the worker script could not be loaded'}`);
      });
      worker.addEventListener('messageerror', () => listener('sent a message that could not be read'));
    },
    terminate: () => worker.terminate(),
  };
};
