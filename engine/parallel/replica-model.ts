/**
 * A replica's copy of the model, built from the spec in its `init` message on the engine named
 * there. Its initial weights do not matter: the coordinator's weights arrive with every step.
 */
import { createCpuModel } from '../cpu/model';
import type { Model } from '../train/model';
import { createWasmModel } from '../wasm/model';
import type { ToReplica } from './protocol';

export type ReplicaInit = Extract<ToReplica, { type: 'init' }>;

export async function buildReplicaModel(init: ReplicaInit): Promise<Model> {
  // No layer needs dL/d(input) of the first layer: the coordinator only wants parameter gradients.
  const options = { seed: init.seed, inputGradient: false };
  if (init.engine.kind === 'cpu') return createCpuModel(init.spec, options);
  return createWasmModel(init.spec, { ...options, maxBatch: init.maxRows }, init.engine.wasm);
}
