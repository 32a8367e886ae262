/**
 * Command-line options for `npm run train`, parsed and checked in one place so that a typo
 * gets a one-line explanation rather than a stack trace.
 */
import { parseArgs } from 'node:util';
import { ExportError, type ExportFormat, parseExportFormats } from '../export';
import { MAX_THREADS } from '../parallel/checks';
import type { OptimizerKind } from '../train/optimizers';
import type { ScheduleKind } from '../train/schedules';

export type DatasetName = 'mnist' | 'mnist-10k' | 'cifar10';

export interface TrainArgs {
  readonly dataset: DatasetName;
  readonly model: string;
  readonly epochs: number;
  readonly batch: number;
  readonly lr: number;
  readonly optimizer: OptimizerKind;
  /** The studio's schedules: constant, step (halve each epoch), exponential (×0.7/epoch), cosine (to 5%). */
  readonly schedule: ScheduleKind;
  /** Linear learning-rate warm-up over this many steps (0 = none). */
  readonly warmup: number;
  /**
   * 'webgpu' runs on the `webgpu` package (Dawn) in Node; see USAGE. 'wasm' runs the CPU model on
   * the WebAssembly SIMD kernels (engine/wasm).
   */
  readonly backend: 'cpu' | 'wasm' | 'webgpu';
  /** Threads the wasm backend splits each batch over (engine/parallel/, worker threads); default 1. */
  readonly threads: number;
  readonly dataDir: string | null;
  readonly seed: number;
  /** Train on at most this many samples (for quick runs); null = all. */
  readonly limit: number | null;
  readonly quiet: boolean;
  /** Formats written after training (`--export onnx,pytorch,tfjs`), each into DIR/<format>/; empty = none. */
  readonly export: readonly ExportFormat[];
  /** DIR for `--export`; required with it. */
  readonly out: string | null;
}

export const USAGE = `usage: npm run train -- --dataset mnist|mnist-10k|cifar10 --model <preset> [--epochs N] [--batch B]
                      [--lr X] [--optimizer adam|momentum|sgd] [--schedule constant|step|exponential|cosine]
                      [--warmup STEPS] [--backend cpu|wasm|webgpu] [--threads N] [--data-dir DIR] [--seed S] [--limit N] [--quiet]
                      [--export onnx,pytorch,tfjs --out DIR]
After training, --export writes the trained model to DIR/onnx/model.onnx, DIR/pytorch/ and DIR/tfjs/.
WebGPU in Node uses the \`webgpu\` package (Dawn); run it through the wrapper that finds a Vulkan driver
(SwiftShader on machines without a GPU):
  node scripts/with-webgpu.mjs npm run train -- --backend webgpu --dataset mnist-10k --model lecture-mnist
--backend wasm uses WebAssembly SIMD; Node 20 validates the relaxed-SIMD (fused multiply-add) build only
with a V8 flag, which NODE_OPTIONS refuses, so pass it to node itself:
  node --experimental-wasm-relaxed-simd --import tsx engine/cli/train.ts --backend wasm ...`;

export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}

function positiveNumber(name: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new ArgsError(`--${name} must be a positive ${integer ? 'whole number' : 'number'}, got "${text}".`);
  }
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ArgsError(`--${name} must be one of ${allowed.join(', ')}; got "${text}".`);
  }
  return text as T;
}

export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: 'string', default: 'mnist-10k' },
      model: { type: 'string', default: 'lecture-mnist' },
      epochs: { type: 'string', default: '1' },
      batch: { type: 'string', default: '64' },
      lr: { type: 'string' },
      optimizer: { type: 'string', default: 'adam' },
      schedule: { type: 'string', default: 'constant' },
      warmup: { type: 'string', default: '0' },
      backend: { type: 'string', default: 'cpu' },
      threads: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      limit: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      export: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const optimizer = oneOf('optimizer', values.optimizer, ['adam', 'momentum', 'sgd'] as const);
  const defaultLr = optimizer === 'adam' ? '0.001' : '0.01';
  return {
    dataset: oneOf('dataset', values.dataset, ['mnist', 'mnist-10k', 'cifar10'] as const),
    model: values.model,
    epochs: positiveNumber('epochs', values.epochs, true),
    batch: positiveNumber('batch', values.batch, true),
    lr: positiveNumber('lr', values.lr ?? defaultLr, false),
    optimizer,
    schedule: oneOf('schedule', values.schedule, ['constant', 'step', 'exponential', 'cosine'] as const),
    warmup: values.warmup === '0' ? 0 : positiveNumber('warmup', values.warmup, true),
    backend: oneOf('backend', values.backend, ['cpu', 'wasm', 'webgpu'] as const),
    threads: threadsArg(values.threads, values.backend),
    dataDir: values['data-dir'] ?? null,
    seed: positiveNumber('seed', values.seed, true),
    limit: values.limit === undefined ? null : positiveNumber('limit', values.limit, true),
    quiet: values.quiet,
    ...exportArgs(values.export, values.out),
  };
}

function threadsArg(text: string, backend: string): number {
  const threads = positiveNumber('threads', text, true);
  if (threads > MAX_THREADS) throw new ArgsError(`--threads must be at most ${MAX_THREADS}, got ${threads}.`);
  if (threads > 1 && backend !== 'wasm') {
    throw new ArgsError('--threads splits batches for the wasm backend only; add --backend wasm.');
  }
  return threads;
}

function exportArgs(formats: string | undefined, out: string | undefined): Pick<TrainArgs, 'export' | 'out'> {
  if (formats === undefined) {
    if (out !== undefined) throw new ArgsError('--out names the folder for --export; add --export onnx,pytorch,tfjs.');
    return { export: [], out: null };
  }
  if (out === undefined || out.trim() === '') {
    throw new ArgsError('--export needs --out DIR, the folder to write the exported model into.');
  }
  try {
    return { export: parseExportFormats(formats), out };
  } catch (error) {
    if (error instanceof ExportError) throw new ArgsError(`--export: ${error.message}`);
    throw error;
  }
}
