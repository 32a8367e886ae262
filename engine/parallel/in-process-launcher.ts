/**
 * Replicas on the caller's own thread, joined by a MessageChannel: every message still goes
 * through structured cloning and transfer, and the shared-memory handshakes through Atomics, but
 * nothing runs in parallel. For tests of the protocol and the arithmetic (and as a stand-in where
 * workers cannot start); the Node and browser launchers run replicas on real threads.
 */
import type { CoordinatorPort, FromReplica, ReplicaLauncher, ReplicaPort, ToReplica } from './protocol';
import { type ReplicaHooks, serveReplica } from './replica';

export function inProcessLauncher(hooks: ReplicaHooks = {}): ReplicaLauncher {
  return (): ReplicaPort => {
    const { port1, port2 } = new MessageChannel();
    const replicaEnd: CoordinatorPort = {
      post: (message, transfer) => port2.postMessage(message, transfer),
      onMessage: (listener) => port2.addEventListener('message', (event) => listener(event.data as ToReplica)),
    };
    serveReplica(replicaEnd, hooks);
    port2.start();
    const failures: ((reason: string) => void)[] = [];
    port1.addEventListener('messageerror', () => {
      for (const failure of failures) failure('sent a message that could not be read');
    });
    port1.start();
    return {
      post: (message, transfer) => port1.postMessage(message, transfer),
      onMessage: (listener) => port1.addEventListener('message', (event) => listener(event.data as FromReplica)),
      onFailure: (listener) => failures.push(listener),
      terminate(): void {
        port1.close();
        port2.close();
      },
    };
  };
}
