/**
 * The worker's view of the backend seam (engine/backend/): the host types, and `chooseBackend`,
 * the older WebGPU-or-CPU decision that tests/gpu/backend-choice.test.ts still checks on a real
 * software adapter. The session itself uses engine/backend/choose.ts chooseEngine, which also
 * offers the WebAssembly engine.
 */

import { openGpuContext } from '../gpu/context';
import type { BackendChoice } from './protocol';

export type { ModelHost, NamedTensor } from '../backend/types';

export type BackendSelection =
  | { readonly kind: 'webgpu'; readonly device: GPUDevice; readonly adapter: string; readonly reason: string }
  | { readonly kind: 'cpu'; readonly reason: string };

const ON_CPU = 'Training runs on the CPU engine (slower).';

/** WebGPU, or the CPU with the reason in words; 'auto' skips software adapters. Never throws. */
export async function chooseBackend(choice: BackendChoice, gpu: GPU | undefined): Promise<BackendSelection> {
  if (choice === 'cpu' || choice === 'wasm') return { kind: 'cpu', reason: 'The CPU engine was chosen.' };
  if (!gpu) return { kind: 'cpu', reason: `This browser does not expose WebGPU (navigator.gpu is missing). ${ON_CPU}` };
  const opened = await openGpuContext(gpu, 'convlab training');
  if (!opened.ok) return { kind: 'cpu', reason: `${opened.error.message} ${ON_CPU}` };
  const adapter = opened.adapterName;
  if (choice === 'auto' && opened.isSoftware) {
    opened.device.destroy();
    return {
      kind: 'cpu',
      reason: `The only WebGPU adapter is a software renderer (${adapter}), which trains far slower than ConvLab's CPU engine. ${ON_CPU}`,
    };
  }
  return {
    kind: 'webgpu',
    device: opened.device,
    adapter,
    reason: `Training runs on WebGPU (${adapter})${choice === 'auto' ? ', chosen automatically' : ''}.`,
  };
}
