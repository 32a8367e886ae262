/**
 * `npm run train -- --backend wasm|cpu` end to end through engine/backend (createBackend and its
 * host): a short run on the real MNIST files on each CPU engine, from the same seed, says which engine
 * trained and ends with test metrics that agree between the two.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const MNIST = resolve(process.cwd(), '../shared/datasets/mnist');

interface Line {
  readonly backend: string;
  readonly status: string;
  readonly loss: number;
  readonly accuracy: number;
}

function train(backend: 'wasm' | 'cpu'): { line: Line; log: string } {
  const args = ['tsx', 'engine/cli/train.ts', '--dataset', 'mnist', '--model', 'lecture-mnist', '--limit', '320'];
  args.push('--data-dir', MNIST, '--backend', backend, '--seed', '3');
  const out = execFileSync('npx', [...args, '2>&1'], { encoding: 'utf8', timeout: 240_000, shell: true });
  const lines = out.trim().split('\n');
  return { line: JSON.parse(lines.pop()!) as Line, log: lines.join('\n') };
}

it('--backend wasm and --backend cpu name their engine and reach the same test metrics', () => {
  const wasm = train('wasm');
  const ts = train('cpu');
  expect(wasm.log).toMatch(/Training runs on the WebAssembly engine \((relaxed-SIMD|SIMD128) kernels, 1 thread\)\./);
  expect(ts.log).toContain('Training runs on the TypeScript engine (1 thread).');
  expect([wasm.line.backend, wasm.line.status, ts.line.backend, ts.line.status]).toEqual([
    'wasm',
    'done',
    'cpu',
    'done',
  ]);
  expect(Math.abs(wasm.line.loss - ts.line.loss)).toBeLessThan(1e-3);
  // At most a few of the 10,000 test images flip on a near-tie between the engines' roundings.
  expect(Math.abs(wasm.line.accuracy - ts.line.accuracy)).toBeLessThanOrEqual(5e-4);
}, 300_000);
