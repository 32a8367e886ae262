/**
 * Lets Node load the shaders the way Vite and Vitest do: `import code from '.../x.wgsl?raw'`
 * yields the file's text. The CLI registers this before it dynamically imports the GPU backend
 * (tsx alone does not know `?raw`). Hooks run in a loader thread, so they are given as source.
 */
import { register } from 'node:module';

const HOOKS = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, nextLoad) {
  if (/\\.wgsl\\?raw$/.test(url)) {
    const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
  }
  return nextLoad(url, context);
}
`;

let registered = false;

export function registerWgslLoader(): void {
  if (registered) return;
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
  registered = true;
}
