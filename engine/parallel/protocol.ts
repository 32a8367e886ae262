/**
 * The messages between the coordinator (the training worker: it holds the real model and the
 * optimiser) and a replica (a worker with a copy of the model that computes one shard's loss,
 * logits and parameter gradients). One union each way, imported by both sides.
 *
 * Two transports share these messages. With message passing every step's inputs and results
 * travel as `step` / `result` messages with their buffers transferred. With shared memory the
 * `init` message hands the replica its `SharedSlots` once; afterwards steps are handshakes on the
 * `control` cells (Atomics) and the arrays stay where they are; messages then only carry `ready`
 * and errors from starting up.
 */
import type { ModelSpec } from '../spec/types';
import type { LossKind } from '../train/loss';
import type { WasmModule } from '../wasm/module';

/** How a replica builds its copy of the model: the TypeScript engine, or the wasm kernels compiled once and posted. */
export type ReplicaEngine = { readonly kind: 'cpu' } | { readonly kind: 'wasm'; readonly wasm: WasmModule };

export type TransportKind = 'shared' | 'messages';

/** Indices into `SharedSlots.control` (an Int32Array over a SharedArrayBuffer). */
export const Control = {
  /** Sequence number of the latest request; the coordinator bumps it to start a step, or writes STOP. */
  request: 0,
  /** Sequence number of the latest finished request; the replica writes it when its result is in place. */
  done: 1,
  /** OK or FAILED for the finished request. */
  status: 2,
  /** Rows (images) in this step's shard. */
  rows: 3,
  /** Index into LOSS_KINDS. */
  loss: 4,
  /** The run's step number, for the shard's dropout seed. */
  step: 5,
  /** UTF-16 code units of the error message in `error` when status is FAILED. */
  errorLength: 6,
  cells: 8,
} as const;

export const STOP = -1;
export const OK = 0;
export const FAILED = 1;
export const LOSS_KINDS: readonly LossKind[] = ['crossEntropy', 'hinge'];

/** One replica's arrays in shared memory, sized once for the largest shard. */
export interface SharedSlots {
  readonly control: Int32Array;
  /** [1]: the shard's mean loss. */
  readonly loss: Float64Array;
  readonly x: Float32Array;
  readonly labels: Int32Array;
  readonly logits: Float32Array;
  readonly grads: Float32Array;
  readonly buffers: Float32Array;
  readonly error: Uint16Array;
  /** Every parameter value then every buffer (batchnorm running statistics), written by the coordinator before each step; one array read by all replicas. */
  readonly weights: Float32Array;
}

export type ToReplica =
  | {
      readonly type: 'init';
      readonly spec: ModelSpec;
      readonly seed: number;
      /** This replica's shard index (1, 2, …; the coordinator takes shard 0). */
      readonly shard: number;
      /** The most rows a shard will have: the replica's memory is sized for it. */
      readonly maxRows: number;
      readonly engine: ReplicaEngine;
      /** Set for the shared-memory transport, null for message passing. */
      readonly shared: SharedSlots | null;
    }
  | {
      readonly type: 'step';
      readonly step: number;
      readonly loss: LossKind;
      /** [rows, ...inputShape], flattened. */
      readonly x: Float32Array;
      readonly labels: Int32Array;
      /** Parameters then buffers, as `SharedSlots.weights`. */
      readonly weights: Float32Array;
    };

export type FromReplica =
  | { readonly type: 'ready'; readonly paramFloats: number; readonly bufferFloats: number }
  | {
      readonly type: 'result';
      /** The shard's mean loss. */
      readonly loss: number;
      readonly logits: Float32Array;
      readonly grads: Float32Array;
      readonly buffers: Float32Array;
    }
  | { readonly type: 'error'; readonly message: string };

/** The coordinator's end of one replica: however it runs (a Web Worker, a Node thread, the same thread). */
export interface ReplicaPort {
  post(message: ToReplica, transfer: Transferable[]): void;
  /** Adds a listener for the replica's messages. */
  onMessage(listener: (message: FromReplica) => void): void;
  /** Adds a listener for the replica dying outside a step's own error path (uncaught error, exit, bad message). */
  onFailure(listener: (reason: string) => void): void;
  terminate(): void;
}

/** Starts replica number `index` (0-based; it will compute shard index + 1). */
export type ReplicaLauncher = (index: number) => ReplicaPort;

/** The replica's end: what engine/parallel/replica.ts serves on. */
export interface CoordinatorPort {
  post(message: FromReplica, transfer: Transferable[]): void;
  onMessage(listener: (message: ToReplica) => void): void;
}
