import type { Locator, Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import * as ort from 'onnxruntime-web';
import { expect, test } from './fixtures';
import { openStudioWith } from './studio-shared-link';

/*
 * Export from the studio's Saved tab: a model trained a few steps is exported to ONNX, TF.js and
 * PyTorch as zips made in the page. ONNX Runtime and TF.js (in Node) load the downloaded files, and
 * both give the same logits for the same two images (they come from one set of trained weights, in
 * two layouts). A model with an LRN layer exports to TF.js with convlab-layers.js, which loads it
 * once registered (and only then) and agrees with ONNX.
 */
const SMALL = {
  name: 'Export me',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 4, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'batchnorm' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};

const WITH_LRN = {
  name: 'With LRN',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 4, kernel: 4, stride: 3, activation: 'relu' },
    { type: 'lrn', id: 'norm' },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};

/** Presses `format` in the export group `within` (the current model's, or a saved model's row). */
async function exportZip(page: Page, format: string, within?: Locator): Promise<Record<string, Uint8Array>> {
  const downloading = page.waitForEvent('download');
  const group = (within ?? page.getByTestId('keep-panel')).getByTestId('export-buttons').first();
  await group.locator(`button[data-format="${format}"]`).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`export-me-${format}.zip`);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const { readFileSync } = await import('node:fs');
  await expect(page.getByTestId('keep-message')).toHaveAttribute('data-kind', 'ok');
  return unzipSync(new Uint8Array(readFileSync(path)));
}

/** The one file whose path ends in `name`. */
function entry(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const found = Object.keys(files).filter((p) => p.endsWith(`/${name}`));
  expect(found).toHaveLength(1);
  return files[found[0]!]!;
}

/** Two 28x28 test images: a bright square and a diagonal stroke, values in [0, 1]. */
function images(): Float32Array {
  const x = new Float32Array(2 * 784);
  for (let y = 8; y < 20; y++) for (let c = 8; c < 20; c++) x[y * 28 + c] = 1;
  for (let i = 3; i < 25; i++) x[784 + i * 28 + i] = 0.8;
  return x;
}

test('the Saved tab exports a trained model to ONNX, TF.js and PyTorch zips that load and agree', async ({ page }) => {
  test.setTimeout(240_000);
  await openStudioWith(page, SMALL);
  const step = page.getByRole('button', { name: /^Step/ });
  for (let i = 0; i < 10; i++) await step.click();
  await expect(page.locator('.run-progress')).toContainText('step 10 of', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Saved' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Export me');

  const onnxFiles = await exportZip(page, 'onnx');
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(entry(onnxFiles, 'model.onnx'));
  const x = images();
  const onnxOut = await session.run({ input_1: new ort.Tensor('float32', x, [2, 1, 28, 28]) });
  const onnxLogits = onnxOut.dense_1!.data as Float32Array;
  expect(onnxLogits).toHaveLength(20);

  const tfjsFiles = await exportZip(page, 'tfjs');
  const json = JSON.parse(new TextDecoder().decode(entry(tfjsFiles, 'model.json')));
  const shard = entry(tfjsFiles, 'group1-shard1of1.bin');
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: shard.slice().buffer,
    }),
  );
  // The same two images channels-last: with one channel, NCHW and NHWC hold the same numbers.
  const tfjsLogits = (await (model.predict(tf.tensor4d(x, [2, 28, 28, 1])) as tf.Tensor).data()) as Float32Array;
  let worst = 0;
  for (let i = 0; i < 20; i++) worst = Math.max(worst, Math.abs(tfjsLogits[i]! - onnxLogits[i]!));
  expect(worst).toBeLessThan(1e-4);
  // Trained weights, not zeros: the two images get different logits.
  expect(Math.abs(onnxLogits[0]! - onnxLogits[10]!) + Math.abs(onnxLogits[3]! - onnxLogits[13]!)).toBeGreaterThan(1e-3);

  const torchFiles = await exportZip(page, 'pytorch');
  expect(new TextDecoder().decode(entry(torchFiles, 'model.py'))).toContain('class ConvLabModel');
  entry(torchFiles, 'weights.safetensors');
  entry(torchFiles, 'predict.py');
  entry(torchFiles, 'train.py');

  // Kept in the browser, the same model exports to the same ONNX bytes from its row in the list.
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  const row = page.getByTestId('saved-model').filter({ hasText: 'Export me' });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  const again = await exportZip(page, 'onnx', row);
  expect(entry(again, 'model.onnx')).toEqual(entry(onnxFiles, 'model.onnx'));
});

test('a model with LRN exports to TF.js with its custom layer, and loads once that is registered', async ({ page }) => {
  test.setTimeout(180_000);
  await openStudioWith(page, WITH_LRN);
  await page.getByRole('tab', { name: 'Saved' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Export me');
  const onnxFiles = await exportZip(page, 'onnx');
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(entry(onnxFiles, 'model.onnx'));
  const x = images();
  const onnxOut = await session.run({ input_1: new ort.Tensor('float32', x, [2, 1, 28, 28]) });
  const onnxLogits = onnxOut[session.outputNames[0]!]!.data as Float32Array;
  expect(onnxLogits).toHaveLength(20);

  const tfjsFiles = await exportZip(page, 'tfjs');
  const json = JSON.parse(new TextDecoder().decode(entry(tfjsFiles, 'model.json')));
  const norm = json.modelTopology.config.layers.find((l: { name: string }) => l.name === 'norm');
  expect(norm.class_name).toBe('ConvLabLRN');
  const artifacts = {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest[0].weights,
    weightData: entry(tfjsFiles, 'group1-shard1of1.bin').slice().buffer,
  };
  await tf.setBackend('cpu');
  // Without registration tf.loadLayersModel refuses it, as docs/export.md says.
  await expect(tf.loadLayersModel(tf.io.fromMemory(artifacts))).rejects.toThrow('Unknown layer: ConvLabLRN');

  // The exported file as a user imports it: an ES module in its own folder, given our tf.
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const dir = test.info().outputPath('tfjs-lrn');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, '{ "type": "module" }');
  writeFileSync(`${dir}/convlab-layers.js`, entry(tfjsFiles, 'convlab-layers.js'));
  const layers = await import(pathToFileURL(`${dir}/convlab-layers.js`).href);
  layers.registerConvLabLayers(tf);
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  // One channel: NCHW and NHWC hold the same numbers.
  const tfjsLogits = (await (model.predict(tf.tensor4d(x, [2, 28, 28, 1])) as tf.Tensor).data()) as Float32Array;
  let worst = 0;
  for (let i = 0; i < 20; i++) worst = Math.max(worst, Math.abs(tfjsLogits[i]! - onnxLogits[i]!));
  expect(worst).toBeLessThan(1e-4);
  expect(Math.abs(onnxLogits[0]! - onnxLogits[10]!) + Math.abs(onnxLogits[3]! - onnxLogits[13]!)).toBeGreaterThan(1e-3);
});
