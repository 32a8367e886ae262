/**
 * WebGPU for the CLI: the `webgpu` npm package (Dawn for Node, a devDependency) is imported only
 * here, and train.ts imports this file only when `--backend webgpu` asks for it (after
 * registering the `.wgsl?raw` loader), so CPU runs never load either.
 */

import { ArgsError } from './args';

/** Dawn's GPU object for engine/backend/create.ts: keep it referenced while its device is used. */
export async function nodeGpu(): Promise<GPU> {
  let webgpu: typeof import('webgpu');
  try {
    webgpu = await import('webgpu');
  } catch (error) {
    throw new ArgsError(
      `--backend webgpu needs the \`webgpu\` package (npm install): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  Object.assign(globalThis, webgpu.globals);
  return webgpu.create([]);
}

/** What to add to a "no WebGPU here" message in Node. */
export const NODE_GPU_HINT = 'Run through `node scripts/with-webgpu.mjs npm run train -- ...`.';
