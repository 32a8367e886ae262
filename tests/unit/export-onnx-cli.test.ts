/**
 * `npm run train -- ... --export onnx,tfjs --out DIR` end to end: a short CPU run on the real MNIST
 * files writes DIR/onnx/model.onnx and DIR/tfjs/, and ONNX Runtime running the exported model on
 * the 10,000 official test images gets exactly the test accuracy the CLI printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-web';
import { afterAll, expect, it } from 'vitest';

const MNIST = resolve(process.cwd(), '../shared/datasets/mnist');
const out = mkdtempSync(join(tmpdir(), 'convlab-export-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

it('--export onnx,tfjs --out DIR writes both, and the ONNX model scores the accuracy the CLI printed', async () => {
  const args = ['tsx', 'engine/cli/train.ts', '--dataset', 'mnist', '--model', 'lecture-mnist', '--limit', '640'];
  args.push('--data-dir', MNIST, '--quiet', '--export', 'onnx,tfjs', '--out', out);
  const stdout = execFileSync('npx', args, { encoding: 'utf8', timeout: 240_000 });
  const line = JSON.parse(stdout.trim().split('\n').pop()!) as { accuracy: number; exported: Record<string, string> };
  expect(line.exported).toEqual({ onnx: join(out, 'onnx'), tfjs: join(out, 'tfjs') });
  expect(existsSync(join(out, 'tfjs', 'model.json'))).toBe(true);

  const images = gunzipSync(readFileSync(join(MNIST, 't10k-images-idx3-ubyte.gz'))).subarray(16);
  const labels = gunzipSync(readFileSync(join(MNIST, 't10k-labels-idx1-ubyte.gz'))).subarray(8);
  const x = new Float32Array(10_000 * 784);
  for (let i = 0; i < x.length; i++) x[i] = images[i]! / 255;
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(join(out, 'onnx', 'model.onnx')));
  const result = await session.run({ input_1: new ort.Tensor('float32', x, [10_000, 1, 28, 28]) });
  const logits = result[session.outputNames[0]!]!.data as Float32Array;
  let correct = 0;
  for (let n = 0; n < 10_000; n++) {
    let best = 0;
    for (let k = 1; k < 10; k++) if (logits[n * 10 + k]! > logits[n * 10 + best]!) best = k;
    if (best === labels[n]) correct++;
  }
  // A short run is far from perfect, which makes agreeing on the exact count a real check.
  expect(line.accuracy).toBeLessThan(0.97);
  expect(correct / 10_000).toBe(line.accuracy);
}, 300_000);
