/**
 * Headless training from the command line:
 *
 *   npm run train -- --dataset mnist --model lecture-mnist --epochs 1 --batch 64 --lr 0.001 \
 *                    --backend cpu --data-dir ../shared/datasets/mnist
 *
 * `--backend webgpu` trains on the GPU backend through the `webgpu` package (Dawn); run it as
 * `node scripts/with-webgpu.mjs npm run train -- --backend webgpu ...` (see args.ts USAGE).
 * `--backend wasm` trains the CPU model on the WebAssembly SIMD kernels (engine/wasm).
 *
 * Prints progress lines to stderr and, last, one JSON line on stdout with the test loss,
 * test accuracy, training images/s and wall time, so scripts can parse the result.
 */
import { createCpuModel, getWeights } from '../cpu/model';
import type { NamedArrays } from '../cpu/weights';
import type { Dataset } from '../data/dataset';
import { getPreset } from '../spec/presets';
import { summarize } from '../spec/summarize';
import { evaluate } from '../train/evaluate';
import type { Metrics } from '../train/metrics';
import { scheduleOf } from '../train/schedules';
import { Trainer, type TrainerConfig, type TrainingRun } from '../train/trainer';
import { ArgsError, parseTrainArgs, USAGE } from './args';
import { loadDatasetForCli } from './datasets';
import { registerWgslLoader } from './wgsl-hook';

/** Test-set evaluation batch (the wasm model sizes its memory for it). */
const EVAL_BATCH = 256;

export interface Backend {
  readonly trainer: TrainingRun;
  evaluate(test: Dataset): Promise<Metrics>;
  /** The trained weights by name, for --export. */
  weights(): Promise<NamedArrays>;
  /** WebGPU only: Dawn's instance, held for as long as the device is used. */
  readonly hold?: unknown;
  close?(): void;
}

async function main(): Promise<void> {
  const args = parseTrainArgs(process.argv.slice(2));
  const wallStart = performance.now();
  const preset = getPreset(args.model);
  const summary = summarize(preset.spec);
  const data = await loadDatasetForCli(args);
  const inputShape = summary.layers[0]!.outputShape;
  if (inputShape.join('x') !== data.train.shape.join('x')) {
    throw new ArgsError(
      `Model "${args.model}" expects ${inputShape.join('x')} inputs but ${args.dataset} images are ${data.train.shape.join('x')}.`,
    );
  }
  const log = (line: string): void => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  log(
    `${args.model}: ${summary.totalParams.toLocaleString('en')} parameters; ${args.dataset}: ${data.train.count} train / ${data.test.count} test; backend ${args.backend}`,
  );

  const config: Partial<TrainerConfig> = {
    epochs: args.epochs,
    batchSize: args.batch,
    learningRate: args.lr,
    optimizer: { kind: args.optimizer },
    schedule: scheduleOf(args.schedule),
    warmupSteps: args.warmup,
    seed: args.seed,
    progressEvery: 50,
  };
  let backend: Backend;
  if (args.backend === 'webgpu') {
    registerWgslLoader();
    const { gpuBackend } = await import('./gpu');
    const gpu = await gpuBackend(preset.spec, args.seed, data, config);
    log(`WebGPU adapter: ${gpu.adapter}`);
    backend = gpu;
  } else if (args.backend === 'wasm') {
    const { wasmBackend } = await import('./wasm');
    const wasm = await wasmBackend(preset.spec, args.seed, data, config, EVAL_BATCH);
    log(`wasm kernels: ${wasm.flavour}`);
    backend = wasm;
  } else {
    const model = createCpuModel(preset.spec, { seed: args.seed, inputGradient: false });
    backend = {
      trainer: new Trainer(model, data, config),
      evaluate: async (test) => evaluate(model, test, EVAL_BATCH, 'crossEntropy'),
      weights: async () => getWeights(model),
    };
  }
  const trainer = backend.trainer;
  trainer.subscribe((event) => {
    if (event.type === 'progress') {
      const p = event.progress;
      log(
        `epoch ${p.epoch.toFixed(2)}  step ${p.step}/${p.totalSteps}  loss ${p.loss.toFixed(4)}  acc ${(100 * p.accuracy).toFixed(1)}%  ${Math.round(p.imagesPerSecond)} img/s`,
      );
    } else if (event.type === 'status' && event.message) {
      log(event.message);
    }
  });
  const result = await trainer.run();
  const test = await backend.evaluate(data.test);
  log(
    `test accuracy ${(100 * test.accuracy).toFixed(2)}%; per class: ${test.perClassAccuracy.map((a, i) => `${data.test.classNames[i]} ${(100 * a).toFixed(1)}%`).join(', ')}`,
  );
  let exported: Record<string, string> | undefined;
  if (args.export.length > 0 && args.out !== null) {
    const { writeExports } = await import('./export');
    exported = await writeExports({
      formats: args.export,
      out: args.out,
      spec: preset.spec,
      weights: await backend.weights(),
      dataset: args.dataset,
      classNames: data.test.classNames,
    });
    for (const [format, folder] of Object.entries(exported)) log(`exported ${format} to ${folder}`);
  }
  const line = {
    model: args.model,
    dataset: args.dataset,
    backend: args.backend,
    epochs: args.epochs,
    batch: args.batch,
    status: result.status,
    loss: test.loss,
    accuracy: test.accuracy,
    trainLoss: result.train?.loss ?? null,
    imagesPerSecond: result.imagesPerSecond,
    wallTimeMs: Math.round(performance.now() - wallStart),
    ...(exported ? { exported } : {}),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (result.status !== 'done') process.exitCode = 1;
  if (backend.close) {
    backend.close();
    // Dawn keeps the event loop alive after the device is gone: exit once stdout has drained.
    process.stdout.write('', () => process.exit());
  }
}

main().catch((error: unknown) => {
  const known = error instanceof Error && error.name !== 'Error';
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof ArgsError) process.stderr.write(`${USAGE}\n`);
  else if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
});
