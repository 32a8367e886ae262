/**
 * Headless training from the command line:
 *
 *   npm run train -- --dataset mnist --model lecture-mnist --epochs 1 --batch 64 --lr 0.001 \
 *                    --backend cpu --data-dir ../shared/datasets/mnist
 *
 * `--backend webgpu` trains on the GPU backend through the `webgpu` package (Dawn); run it as
 * `node scripts/with-webgpu.mjs npm run train -- --backend webgpu ...` (see args.ts USAGE).
 * `--backend wasm` trains the CPU model on the WebAssembly SIMD kernels (engine/wasm). All three go
 * through engine/backend (createBackend and its ModelHost), as the worker does.
 *
 * Prints progress lines to stderr and, last, one JSON line on stdout with the test loss,
 * test accuracy, training images/s and wall time, so scripts can parse the result.
 */
import {
  type Backend,
  createBackend,
  DEFAULT_TRAINER_CONFIG,
  type EngineKind,
  getPreset,
  type Platform,
  summarize,
  type TrainerConfig,
} from '../index';
import { scheduleOf } from '../train/schedules';
import { ArgsError, parseTrainArgs, USAGE } from './args';
import { loadDatasetForCli } from './datasets';
import { registerWgslLoader } from './wgsl-hook';

/** The engine the CLI was asked for, or an ArgsError saying why it cannot run here. */
async function openBackend(
  kind: EngineKind,
  maxBufferBytes: number,
  threads: number,
): Promise<{ backend: Backend; hold: unknown }> {
  const platform: Platform = { label: 'convlab cli', maxBufferBytes };
  let hold: unknown = null;
  if (kind === 'webgpu') {
    registerWgslLoader();
    const { nodeGpu } = await import('./gpu');
    // Held until the process ends: Dawn's instance dies with this object.
    hold = await nodeGpu();
    Object.assign(platform, { gpu: hold as GPU });
  } else if (kind === 'wasm') {
    const { loadWasmKernels } = await import('../wasm/node/load');
    Object.assign(platform, { loadWasm: () => loadWasmKernels() });
    if (threads > 1) {
      const { nodeReplicaLauncher } = await import('../parallel/node/launcher');
      const onFallback = (message: string): void => console.error(message);
      Object.assign(platform, { parallel: { threads, launcher: nodeReplicaLauncher(), onFallback } });
    }
  }
  const made = await createBackend(kind, platform);
  if (!made.ok) {
    const hint = kind === 'webgpu' ? (await import('./gpu')).NODE_GPU_HINT : '';
    throw new ArgsError(`${made.reason} ${hint}`.trim());
  }
  return { backend: made.backend, hold };
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

  const config: TrainerConfig = {
    ...DEFAULT_TRAINER_CONFIG,
    epochs: args.epochs,
    batchSize: args.batch,
    learningRate: args.lr,
    optimizer: { kind: args.optimizer },
    schedule: scheduleOf(args.schedule),
    warmupSteps: args.warmup,
    seed: args.seed,
    progressEvery: 50,
  };
  const { backend, hold } = await openBackend(
    args.backend,
    Math.max(data.train.images.byteLength, data.test.images.byteLength),
    args.threads,
  );
  log(backend.reason);
  const host = await backend.createHost({ spec: preset.spec, seed: args.seed, inputGradient: false });
  const trainer = await host.createTrainer(data, config, 0);
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
  const test = await host.evaluate(data.test, config.loss);
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
      weights: await host.weights(),
      dataset: args.dataset,
      classNames: data.test.classNames,
    });
    for (const [format, folder] of Object.entries(exported)) log(`exported ${format} to ${folder}`);
  }
  const line = {
    model: args.model,
    dataset: args.dataset,
    backend: args.backend,
    threads: backend.threads,
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
  host.destroy();
  backend.dispose();
  if (hold !== null) {
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
