/**
 * Which engine trains: the user's choice, or for 'auto' the fastest that works here. Order:
 * WebGPU on a hardware adapter, then the WebAssembly SIMD engine, then the TypeScript engine.
 * Software WebGPU adapters (SwiftShader, llvmpipe) are skipped by 'auto': measured in one
 * browser run (BENCHMARKS.md), SwiftShader trains the lecture net at ~0.17x and the ConvNetJS
 * CIFAR-10 net at ~0.6x the TypeScript engine's speed. An explicit choice that cannot run falls
 * back along the same order, and the reason says why, in words.
 */

import { createBackend, type Platform, typescriptBackend } from './create';
import type { Backend, EngineChoice, EngineKind } from './types';

/** The engines tried, in order, for each choice. */
const ORDER: Record<EngineChoice, readonly EngineKind[]> = {
  auto: ['webgpu', 'wasm', 'cpu'],
  webgpu: ['webgpu', 'wasm', 'cpu'],
  wasm: ['wasm', 'cpu'],
  cpu: ['cpu'],
};

export async function chooseEngine(choice: EngineChoice, platform: Platform): Promise<Backend> {
  const notes: string[] = [];
  for (const kind of ORDER[choice]) {
    if (kind === 'cpu') break;
    if (kind === 'webgpu' && !platform.gpu) {
      notes.push('This browser does not expose WebGPU (navigator.gpu is missing).');
      continue;
    }
    const made = await createBackend(kind, platform);
    if (!made.ok) {
      notes.push(made.reason);
      continue;
    }
    const { backend } = made;
    if (made.isSoftware && choice === 'auto') {
      backend.dispose();
      notes.push(
        `The only WebGPU adapter is a software renderer (${backend.adapter}), which trains far slower than ConvLab's CPU engines; choose WebGPU to use it anyway.`,
      );
      continue;
    }
    return {
      ...backend,
      reason: because(
        notes,
        backend.reason,
        choice === 'auto' ? 'chosen automatically' : kind === choice ? '' : 'instead',
      ),
    };
  }
  const ts = typescriptBackend();
  return {
    ...ts,
    reason: because(
      notes,
      ts.reason,
      choice === 'cpu' ? '' : choice === 'auto' ? 'the fastest that works here' : 'instead',
    ),
  };
}

/** The notes on engines passed over, then what trains with how it was chosen before the full stop. */
function because(notes: readonly string[], runs: string, how: string): string {
  return [...notes, how ? runs.replace(/\.$/, `, ${how}.`) : runs].join(' ');
}
