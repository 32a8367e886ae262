/**
 * The PyTorch export's scripts on the real dataset files, run by Debian's python3-torch:
 * - `torchrun --nproc_per_node=2 train.py` (DistributedDataParallel on gloo) trains lecture-mnist
 *   for 20 steps with a falling loss, and the weights it saves load back into ConvLab;
 * - predict.py's test accuracy equals ConvLab's CPU evaluation of the same weights, on MNIST (the
 *   torchrun-trained weights) and on CIFAR-10 (a linear classifier ConvLab trained for a few steps);
 * - one-process train.py with the other optimiser, schedule and penalty options;
 * - a dataset that does not fit the model is a sentence, not a traceback.
 * torch 1.13 on Python 3.11 (Debian 12) needs torchrun's `--redirects 2 --tee 2`: its default "0"
 * parses to None there (IntFlag no longer lists the zero member) and torchrun crashes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCpuModel, getWeights, loadWeights } from '../../engine/cpu/model';
import { subsetDataset } from '../../engine/data/batch';
import { CIFAR10_CLASSES } from '../../engine/data/dataset';
import { loadCifar10, loadMnistDir } from '../../engine/data/node/load';
import { exportPytorch } from '../../engine/export/pytorch';
import { readSafetensors } from '../../engine/export/pytorch/safetensors';
import type { ExportInput } from '../../engine/export/types';
import { getPreset } from '../../engine/spec/presets';
import { evaluate } from '../../engine/train/evaluate';
import { Trainer } from '../../engine/train/trainer';
import { exportCase } from './export-fixture';

const PYTHON = '/usr/bin/python3';
const TORCHRUN = '/usr/bin/torchrun';
const MNIST = resolve(process.cwd(), '../shared/datasets/mnist');
const CIFAR = resolve(process.cwd(), '../shared/datasets/cifar10');
const exec = promisify(execFile);

let root = '';

async function exportTo(folder: string, input: ExportInput): Promise<string> {
  for (const file of await exportPytorch(input)) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.bytes);
  }
  return folder;
}

/** The JSON lines a script printed on stdout. */
async function jsonLines(command: string, args: string[], cwd: string): Promise<Record<string, unknown>[]> {
  // One intra-op thread per Python process: two torchrun workers plus vitest's own on a small or
  // busy machine would otherwise oversubscribe every core many times over.
  const env = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const { stdout } = await exec(command, args, { cwd, env, maxBuffer: 1 << 24 });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Named arrays from a weights file train.py saved. */
function savedWeights(path: string): Record<string, Float32Array> {
  const tensors = readSafetensors(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, t.values]));
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'convlab-pytorch-train-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('PyTorch export: train.py and predict.py on the real datasets', () => {
  it('torchrun --nproc_per_node=2 trains lecture-mnist 20 steps with a falling loss; predict.py agrees with ConvLab on the result', async () => {
    const exported = exportCase('lecture-mnist').input;
    const folder = await exportTo(join(root, 'lecture'), exported);
    const saved = join(folder, 'trained.safetensors');
    const lines = await jsonLines(
      TORCHRUN,
      [
        // A free rendezvous port of its own: a default 29500 left busy by anything else cannot fail it.
        '--standalone',
        '--nproc_per_node=2',
        '--redirects',
        '2',
        '--tee',
        '2',
        '--log_dir',
        join(root, 'torchrun-logs'),
        'train.py',
      ].concat(['--data-dir', MNIST, '--steps', '20', '--log-every', '1', '--save', saved]),
      folder,
    );
    expect(lines[0]).toMatchObject({ start: { processes: 2, device: 'cpu', steps: 20 } });
    const steps = lines.filter((l) => typeof l.step === 'number' && typeof l.loss === 'number');
    expect(steps.map((l) => l.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const losses = steps.map((l) => l.loss as number);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)));
    expect(lines.at(-1)).toEqual({ saved, steps: 20 });

    // The saved weights load into ConvLab by name, and training changed them.
    const model = createCpuModel(getPreset('lecture-mnist').spec, { seed: 1 });
    loadWeights(model, savedWeights(saved));
    const trained = getWeights(model);
    expect(trained['conv2d_1.weight']).not.toEqual(exported.weights['conv2d_1.weight']);

    const { test } = await loadMnistDir(MNIST);
    const convlab = evaluate(model, test, 256, 'crossEntropy').accuracy;
    const [predicted] = await jsonLines(PYTHON, ['predict.py', '--data-dir', MNIST, '--weights', saved], folder);
    expect(predicted).toMatchObject({ total: 10000 });
    expect(predicted!.correct).toBe(Math.round((predicted!.accuracy as number) * 10000));
    expect(Math.abs((predicted!.accuracy as number) - convlab)).toBeLessThanOrEqual(0.001);
    // 20 steps of Adam take the net well above chance: the agreement is not two models at 10%.
    expect(convlab).toBeGreaterThan(0.3);
  }, 900_000);

  it("predict.py on CIFAR-10's cifar-10-binary.tar.gz gives ConvLab's test accuracy for a briefly trained linear classifier", async () => {
    const preset = getPreset('linear-cifar10');
    const splits = await loadCifar10(CIFAR);
    const model = createCpuModel(preset.spec, { seed: 2 });
    const train = subsetDataset(
      splits.train,
      Uint32Array.from({ length: 3200 }, (_, i) => i),
      'cifar10-3200',
    );
    const result = await new Trainer(model, { train }, { epochs: 1, batchSize: 64, learningRate: 0.001 }).run();
    expect(result.status).toBe('done');
    const convlab = evaluate(model, splits.test, 256, 'crossEntropy').accuracy;
    const input: ExportInput = {
      spec: preset.spec,
      weights: getWeights(model),
      dataset: 'cifar10',
      classNames: CIFAR10_CLASSES,
    };
    const folder = await exportTo(join(root, 'linear-cifar10'), input);
    const [predicted] = await jsonLines(PYTHON, ['predict.py', '--data-dir', CIFAR], folder);
    expect(predicted).toMatchObject({ total: 10000 });
    expect(Math.abs((predicted!.accuracy as number) - convlab)).toBeLessThanOrEqual(0.001);
    expect(convlab).toBeGreaterThan(0.15);
  }, 900_000);

  it('train.py on one process takes momentum, a cosine schedule, warm-up and an L2 penalty, and saves loadable weights', async () => {
    const folder = await exportTo(join(root, 'one-process'), exportCase('mini-resnet-cifar10').input);
    const saved = join(folder, 'trained.safetensors');
    const options = ['--optimizer', 'momentum', '--nesterov', '--schedule', 'cosine', '--warmup', '2', '--l2', '1e-4'];
    const lines = await jsonLines(
      PYTHON,
      [
        'train.py',
        '--data-dir',
        CIFAR,
        '--steps',
        '4',
        '--batch-size',
        '16',
        '--log-every',
        '2',
        '--lr',
        '0.01',
        ...options,
      ],
      folder,
    );
    expect(lines[0]).toMatchObject({ start: { processes: 1, steps: 4 } });
    expect(lines.filter((l) => typeof l.loss === 'number').map((l) => l.step)).toEqual([2, 4]);
    const model = createCpuModel(getPreset('mini-resnet-cifar10').spec, { seed: 1 });
    loadWeights(model, savedWeights(saved));
    // Batch norm's running statistics moved in training mode, as ConvLab's do.
    expect(getWeights(model)['stem_bn.runningMean']).not.toEqual(
      exportCase('mini-resnet-cifar10').input.weights['stem_bn.runningMean'],
    );
  }, 900_000);

  it('predict.py says in a sentence when the dataset does not fit the model', async () => {
    const folder = await exportTo(join(root, 'mismatch'), exportCase('lecture-mnist').input);
    const failure = await exec(PYTHON, ['predict.py', '--data-dir', CIFAR, '--dataset', 'cifar10'], {
      cwd: folder,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe(
      'predict.py: the model takes [1, 28, 28] inputs but cifar10 images are [3, 32, 32]',
    );
  });
});
