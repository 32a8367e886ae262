/**
 * Starting the replicas: launch each, send `init`, wait until every one says `ready` with the
 * same weight layout as the coordinator. A replica that fails to start (its worker errors or
 * exits, or it cannot build its model) makes the whole start fail with that reason, after the
 * others are terminated; nothing is left running.
 */
import type { ModelSpec } from '../spec/types';
import type { ReplicaChannel } from './channel';
import { messageChannel } from './channel-messages';
import { sharedChannel } from './channel-shared';
import { ParallelTrainingError } from './errors';
import type { ReplicaEngine, ReplicaLauncher, ReplicaPort, SharedSlots } from './protocol';
import { allocateSlots, type SlotSizes } from './shared-slots';
import { sameLayout, type WeightLayout } from './weights';

export interface StartOptions {
  readonly spec: ModelSpec;
  readonly seed: number;
  readonly replicas: number;
  readonly launcher: ReplicaLauncher;
  readonly engine: ReplicaEngine;
  readonly sizes: SlotSizes;
  /** The shared weights array for the shared-memory transport; null for message passing. */
  readonly sharedWeights: Float32Array | null;
}

export async function startReplicas(options: StartOptions): Promise<ReplicaChannel[]> {
  const { replicas, launcher, sizes, sharedWeights } = options;
  const ports: ReplicaPort[] = [];
  const starts: Promise<ReplicaChannel>[] = [];
  try {
    for (let index = 0; index < replicas; index++) {
      const port = launcher(index);
      ports.push(port);
      const slots = sharedWeights ? allocateSlots(sizes, sharedWeights) : null;
      starts.push(startOne(port, index, slots, options));
    }
  } catch (error) {
    for (const port of ports) port.terminate();
    throw new ParallelTrainingError(
      `Could not launch the replica workers for data-parallel training: ${error instanceof Error ? error.message : String(error)}. Train on one thread instead.`,
    );
  }
  const settled = await Promise.allSettled(starts);
  const failed = settled.findIndex((s) => s.status === 'rejected');
  if (failed >= 0) {
    for (const port of ports) port.terminate();
    const reason = (settled[failed] as PromiseRejectedResult).reason as Error;
    throw new ParallelTrainingError(
      `Could not start data-parallel training on ${replicas + 1} threads: replica ${failed + 1} ${reason.message}. Train on one thread instead.`,
    );
  }
  return settled.map((s) => (s as PromiseFulfilledResult<ReplicaChannel>).value);
}

function startOne(
  port: ReplicaPort,
  index: number,
  slots: SharedSlots | null,
  options: StartOptions,
): Promise<ReplicaChannel> {
  const { spec, seed, engine, sizes } = options;
  const expected: WeightLayout = sizes;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    port.onMessage((message) => {
      if (message.type === 'error') settle(() => reject(new Error(message.message)));
      if (message.type !== 'ready') return;
      if (!sameLayout(message, expected)) {
        const got = `${message.paramFloats} parameters and ${message.bufferFloats} buffer values`;
        const want = `${expected.paramFloats} and ${expected.bufferFloats}`;
        settle(() => reject(new Error(`built a model with ${got}, not the ${want} of the coordinator's`)));
        return;
      }
      settle(() => resolve(slots ? sharedChannel(port, slots, sizes.classes) : messageChannel(port)));
    });
    port.onFailure((reason) => settle(() => reject(new Error(reason))));
    port.post({ type: 'init', spec, seed, shard: index + 1, maxRows: sizes.maxRows, engine, shared: slots }, []);
  });
}
