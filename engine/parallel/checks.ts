/**
 * What createDataParallelStep checks before it allocates or starts anything, and what each step
 * checks of its batch: every limit, with a message a person can act on.
 */
import type { StepInput } from '../train/step';
import { ParallelTrainingError } from './errors';
import type { TransportKind } from './protocol';
import { replicaSlotBytes, type SlotSizes, sharedMemoryAvailable } from './shared-slots';

/** More threads than this is surely a mistake (and would allocate a slot set each). */
export const MAX_THREADS = 64;
/** Shared memory and copies allocated up front may not exceed this. */
const MAX_EXCHANGE_BYTES = 1 << 30;

export function checkBatch(input: StepInput, sample: number, maxBatch: number): number {
  const rows = input.x.shape[0] ?? 0;
  if (rows < 1) throw new RangeError('A training step needs at least one image.');
  if (rows > maxBatch) {
    throw new RangeError(`This batch has ${rows} images; the data-parallel step was set up for at most ${maxBatch}.`);
  }
  if (input.labels.length !== rows) {
    throw new RangeError(`This batch has ${rows} images but ${input.labels.length} labels.`);
  }
  if (input.x.data.length !== rows * sample) {
    throw new RangeError(
      `The batch's data (${input.x.data.length} values) does not match its shape [${input.x.shape.join(', ')}].`,
    );
  }
  return rows;
}

export function chooseTransport(wanted: TransportKind | 'auto'): TransportKind {
  const shared = sharedMemoryAvailable();
  if (wanted === 'shared' && !shared) {
    throw new ParallelTrainingError(
      'Shared memory is not available here (the page is not cross-origin isolated); use message passing.',
    );
  }
  return wanted === 'auto' ? (shared ? 'shared' : 'messages') : wanted;
}

export function checkWhole(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number from ${min} to ${max}; got ${value}.`);
  }
}

export function checkBytes(sizes: SlotSizes, replicas: number, transport: TransportKind): void {
  const weights = 4 * (sizes.paramFloats + sizes.bufferFloats);
  // Message passing allocates about as much per step (copies sent and received) as the slots hold.
  const bytes = weights + replicas * (replicaSlotBytes(sizes) + (transport === 'messages' ? weights : 0));
  if (bytes > MAX_EXCHANGE_BYTES) {
    const mib = Math.ceil(bytes / (1 << 20));
    throw new ParallelTrainingError(
      `Data-parallel training would need about ${mib} MiB for its exchange buffers (limit ${MAX_EXCHANGE_BYTES >> 20} MiB): use fewer threads or a smaller batch.`,
    );
  }
}

export function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** As the model's logitsLayer: the last layer, or the one before a final softmax. */
export function logitsIndex(layers: readonly { readonly type: string }[]): number {
  return layers[layers.length - 1]!.type === 'softmax' ? layers.length - 2 : layers.length - 1;
}
