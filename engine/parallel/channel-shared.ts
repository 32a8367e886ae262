/**
 * The shared-memory transport, for cross-origin isolated pages and Node: inputs and results sit
 * in the replica's SharedSlots, the weights in one array every replica reads. A step writes the
 * shard into the slots, bumps `request` and wakes the replica; the replica computes, sets
 * `status` and bumps `done`. Nothing is copied by postMessage after start-up.
 */
import type { ReplicaChannel, ShardReply, ShardRequest } from './channel';
import { PendingRun } from './channel';
import { Control, LOSS_KINDS, OK, type ReplicaPort, type SharedSlots, STOP } from './protocol';
import { readError } from './shared-slots';
import { signal, waitForChange } from './wait';

export function sharedChannel(port: ReplicaPort, slots: SharedSlots, classes: number): ReplicaChannel {
  const pending = new PendingRun();
  const { control } = slots;
  let sequence = 0;
  port.onFailure((reason) => {
    pending.fail(reason);
    Atomics.notify(control, Control.done); // ends a waitForChange that is still waiting
  });
  port.onMessage((message) => {
    if (message.type === 'error') pending.fail(message.message);
  });
  return {
    run(request: ShardRequest): Promise<ShardReply> {
      const reply = pending.begin();
      if (pending.failure) return reply;
      const rows = request.labels.length;
      if (request.weights !== slots.weights) slots.weights.set(request.weights);
      slots.x.set(request.x);
      slots.labels.set(request.labels);
      Atomics.store(control, Control.rows, rows);
      Atomics.store(control, Control.loss, LOSS_KINDS.indexOf(request.loss));
      Atomics.store(control, Control.step, request.step);
      const previous = sequence++;
      signal(control, Control.request, sequence);
      void waitForChange(control, Control.done, previous, () => pending.failure !== null).then(() => {
        if (pending.failure) return;
        if (Atomics.load(control, Control.status) !== OK) {
          pending.reject(readError(slots));
          return;
        }
        const { loss, logits, grads, buffers } = slots;
        pending.resolve({ loss: loss[0]!, logits: logits.subarray(0, rows * classes), grads, buffers });
      });
      return reply;
    },
    close(): void {
      pending.fail('was shut down');
      signal(control, Control.request, STOP);
      Atomics.notify(control, Control.done);
      port.terminate();
    },
  };
}
