/**
 * Allocating the shared-memory transport's arrays, after checking their sizes: one `weights`
 * array all replicas read, and per replica its control cells, inputs and results, each sized
 * for the largest shard.
 */
import { Control, type SharedSlots } from './protocol';
import type { WeightLayout } from './weights';

/** UTF-16 code units kept of a replica's error message. */
export const ERROR_CHARS = 1024;

export interface SlotSizes extends WeightLayout {
  /** The most rows a shard will have. */
  readonly maxRows: number;
  /** Values in one input sample, and in one row of logits. */
  readonly sample: number;
  readonly classes: number;
}

/** Whether SharedArrayBuffer can be used here: it exists, and a page is cross-origin isolated (Node always is). */
export function sharedMemoryAvailable(): boolean {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return typeof SharedArrayBuffer === 'function' && isolated !== false;
}

/** Bytes one replica's slots take (without the shared weights). */
export function replicaSlotBytes(sizes: SlotSizes): number {
  const { maxRows, sample, classes, paramFloats, bufferFloats } = sizes;
  return 4 * Control.cells + 8 + 4 * (maxRows * (sample + 1 + classes) + paramFloats + bufferFloats) + 2 * ERROR_CHARS;
}

export function allocateWeights(layout: WeightLayout): Float32Array {
  return new Float32Array(new SharedArrayBuffer(4 * (layout.paramFloats + layout.bufferFloats)));
}

export function allocateSlots(sizes: SlotSizes, weights: Float32Array): SharedSlots {
  const { maxRows, sample, classes, paramFloats, bufferFloats } = sizes;
  const floats = (n: number): Float32Array => new Float32Array(new SharedArrayBuffer(4 * n));
  return {
    control: new Int32Array(new SharedArrayBuffer(4 * Control.cells)),
    loss: new Float64Array(new SharedArrayBuffer(8)),
    x: floats(maxRows * sample),
    labels: new Int32Array(new SharedArrayBuffer(4 * maxRows)),
    logits: floats(maxRows * classes),
    grads: floats(paramFloats),
    buffers: floats(bufferFloats),
    error: new Uint16Array(new SharedArrayBuffer(2 * ERROR_CHARS)),
    weights,
  };
}

export function readError(slots: SharedSlots): string {
  const length = Atomics.load(slots.control, Control.errorLength);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(slots.error[i]!);
  return text;
}
