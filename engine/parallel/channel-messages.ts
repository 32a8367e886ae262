/**
 * The message-passing transport, for pages that are not cross-origin isolated (a static host
 * without COOP/COEP headers): each step posts the shard's inputs and a copy of the weights with
 * their buffers transferred, and the replica posts back its results the same way.
 */
import type { ReplicaChannel, ShardReply, ShardRequest } from './channel';
import { PendingRun } from './channel';
import type { ReplicaPort } from './protocol';

export function messageChannel(port: ReplicaPort): ReplicaChannel {
  const pending = new PendingRun();
  port.onMessage((message) => {
    if (message.type === 'result') pending.resolve(message);
    else if (message.type === 'error') pending.reject(message.message);
  });
  port.onFailure((reason) => pending.fail(reason));
  return {
    run(request: ShardRequest): Promise<ShardReply> {
      const reply = pending.begin();
      if (pending.failure) return reply;
      // Copies: transferring detaches, and the coordinator keeps its batch and weights.
      const x = request.x.slice();
      const labels = request.labels.slice();
      const weights = request.weights.slice();
      const { step, loss } = request;
      port.post({ type: 'step', step, loss, x, labels, weights }, [x.buffer, labels.buffer, weights.buffer]);
      return reply;
    },
    close(): void {
      pending.fail('was shut down');
      port.terminate();
    },
  };
}
