/**
 * The replica's side: builds its model on `init`, then computes one shard per step, from
 * `step` messages (message passing) or from handshakes on its shared slots (shared memory).
 * Every failure becomes an error in words for the coordinator, never a silent stop: a failed
 * start is an `error` message, a failed step an `error` message or a FAILED status with the
 * message in the shared `error` cells.
 */
import type { Model } from '../train/model';
import {
  Control,
  type CoordinatorPort,
  FAILED,
  LOSS_KINDS,
  OK,
  type SharedSlots,
  STOP,
  type ToReplica,
} from './protocol';
import { buildReplicaModel, type ReplicaInit } from './replica-model';
import { rowSizes, runShard } from './run-shard';
import { signal, waitForChange } from './wait';
import { layoutOf, packBuffers, packGrads, unpackWeights } from './weights';

export interface ReplicaHooks {
  /** Builds the model (default buildReplicaModel); tests pass one that fails on purpose. */
  readonly buildModel?: (init: ReplicaInit) => Promise<Model>;
}

type StepMessage = Extract<ToReplica, { type: 'step' }>;

export function serveReplica(port: CoordinatorPort, hooks: ReplicaHooks = {}): void {
  let replica: { model: Model; init: ReplicaInit } | null = null;
  port.onMessage((message) => {
    switch (message.type) {
      case 'init':
        void start(message);
        return;
      case 'step':
        if (!replica) port.post({ type: 'error', message: 'was sent a step before it had started' }, []);
        else answerStep(replica.model, replica.init, message);
        return;
    }
  });

  async function start(init: ReplicaInit): Promise<void> {
    let model: Model;
    try {
      model = await (hooks.buildModel ?? buildReplicaModel)(init);
    } catch (error) {
      port.post({ type: 'error', message: `could not build its model: ${describe(error)}` }, []);
      return;
    }
    replica = { model, init };
    // Read the request counter BEFORE saying ready: once the coordinator hears 'ready' it may post
    // the first request at once, and a counter read after that would take request 1 for the
    // starting value and wait for a change that already happened (a lost wake-up: a hang).
    const seen = init.shared ? Atomics.load(init.shared.control, Control.request) : 0;
    port.post({ type: 'ready', ...layoutOf(model) }, []);
    if (init.shared) void serveShared(model, init, init.shared, seen);
  }

  function answerStep(model: Model, init: ReplicaInit, message: StepMessage): void {
    try {
      const rows = message.labels.length;
      const shard = runShard(model, {
        ...withWeights(model, message.weights, message.x, rows),
        labels: message.labels,
        loss: message.loss,
        seed: init.seed,
        step: message.step,
        shard: init.shard,
      });
      const { paramFloats, bufferFloats } = layoutOf(model);
      const grads = new Float32Array(paramFloats);
      const buffers = new Float32Array(bufferFloats);
      packGrads(model, grads);
      packBuffers(model, buffers);
      const logits = shard.logits.slice();
      port.post({ type: 'result', loss: shard.loss, logits, grads, buffers }, [
        logits.buffer,
        grads.buffer,
        buffers.buffer,
      ]);
    } catch (error) {
      port.post({ type: 'error', message: `failed in its shard: ${describe(error)}` }, []);
    }
  }
}

/**
 * The shared-memory loop: wait for a request, compute the shard in place, signal done; until STOP.
 * `first` is the request counter as it was before the replica said it was ready.
 */
async function serveShared(model: Model, init: ReplicaInit, slots: SharedSlots, first: number): Promise<void> {
  const { control } = slots;
  const { classes } = rowSizes(model);
  let seen = first;
  for (;;) {
    await waitForChange(control, Control.request, seen);
    const request = Atomics.load(control, Control.request);
    if (request === STOP) return;
    seen = request;
    try {
      const rows = Atomics.load(control, Control.rows);
      const shard = runShard(model, {
        ...withWeights(model, slots.weights, slots.x, rows),
        labels: slots.labels.subarray(0, rows),
        loss: LOSS_KINDS[Atomics.load(control, Control.loss)]!,
        seed: init.seed,
        step: Atomics.load(control, Control.step),
        shard: init.shard,
      });
      slots.loss[0] = shard.loss;
      slots.logits.set(shard.logits.subarray(0, rows * classes));
      packGrads(model, slots.grads);
      packBuffers(model, slots.buffers);
      Atomics.store(control, Control.status, OK);
    } catch (error) {
      writeError(slots, `failed in its shard: ${describe(error)}`);
      Atomics.store(control, Control.status, FAILED);
    }
    signal(control, Control.done, request);
  }
}

/** Loads the coordinator's weights and returns the shard's input tensor. */
function withWeights(
  model: Model,
  weights: Float32Array,
  x: Float32Array,
  rows: number,
): { x: { shape: number[]; data: Float32Array } } {
  unpackWeights(model, weights);
  const inputShape = model.summary.layers[0]!.outputShape;
  const { sample } = rowSizes(model);
  return { x: { shape: [rows, ...inputShape], data: x.subarray(0, rows * sample) } };
}

function writeError(slots: SharedSlots, message: string): void {
  const length = Math.min(message.length, slots.error.length);
  for (let i = 0; i < length; i++) slots.error[i] = message.charCodeAt(i);
  Atomics.store(slots.control, Control.errorLength, length);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
