/**
 * The run plan from environment variables, with defaults sized so the whole bench takes roughly
 * 10-20 minutes on a 2-core machine with SwiftShader. Budgets are per model because the CIFAR-10
 * net costs ~10x more per image than the MNIST one and ConvNetJS trains it at ~40 images/s.
 */
import { ENGINE_NAMES, type EngineName, MODEL_KEYS, type ModelKey, type RunConfig } from './protocol';

interface ModelBudget {
  readonly timedSteps: number;
  readonly accuracySteps: number;
  /**
   * ConvLab WebGPU's headline run: one epoch of MNIST (within headlineSeconds). None for CIFAR-10:
   * on SwiftShader even the 10,000-image test pass would take minutes; its JSON accuracy is the
   * common-budget one.
   */
  readonly headlineSteps: number;
}

/** Training set sizes: one epoch is ceil(60,000 / 64) = 938 and ceil(50,000 / 64) = 782 steps. */
export const TRAIN_IMAGES: Record<ModelKey, number> = { 'lecture-mnist': 60000, 'convnetjs-cifar10': 50000 };

/**
 * timedSteps is only a cap: the window is sized to BENCH_TIMED_S (15 s) from a calibration step. It
 * was 100 until the wasm engine came, which does 100 MNIST steps in about half a second, too short a
 * window on a shared machine; 1000 lets every engine fill the same ~15 s.
 */
const BUDGETS: Record<ModelKey, ModelBudget> = {
  'lecture-mnist': { timedSteps: 1000, accuracySteps: 150, headlineSteps: 938 },
  'convnetjs-cifar10': { timedSteps: 1000, accuracySteps: 60, headlineSteps: 0 },
};

export interface Plan {
  readonly runs: readonly RunConfig[];
  readonly runTimeoutMs: number;
  readonly chromiumArgs: readonly string[];
  readonly chromiumPath: string;
}

function listFromEnv<T extends string>(name: string, all: readonly T[]): T[] {
  const raw = process.env[name]?.trim();
  if (!raw) return [...all];
  const picked = raw.split(',').map((s) => s.trim());
  const unknown = picked.filter((s) => !(all as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  return picked as T[];
}

function numberFromEnv(name: string): number | null {
  const raw = process.env[name]?.trim();
  if (!raw) return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
}

/** The flags from the brief (and playwright.config.ts), plus BENCH_CHROMIUM_FLAGS for real GPUs. */
export const BASE_CHROMIUM_ARGS: readonly string[] = [
  '--enable-unsafe-webgpu',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function planFromEnv(): Plan {
  const models = listFromEnv<ModelKey>('BENCH_MODELS', MODEL_KEYS);
  const engines = listFromEnv<EngineName>('BENCH_ENGINES', ENGINE_NAMES);
  const steps = numberFromEnv('BENCH_STEPS');
  const accuracy = numberFromEnv('BENCH_ACCURACY_STEPS');
  const headline = numberFromEnv('BENCH_HEADLINE_STEPS');
  const runs: RunConfig[] = [];
  for (const model of models) {
    const budget = BUDGETS[model];
    for (const engine of engines) {
      runs.push({
        model,
        engine,
        batchSize: 64,
        learningRate: numberFromEnv('BENCH_LR') ?? 0.01,
        momentum: 0.9,
        seed: 1,
        warmupSteps: numberFromEnv('BENCH_WARMUP') ?? 2,
        timedSteps: steps ?? budget.timedSteps,
        timedSeconds: numberFromEnv('BENCH_TIMED_S') ?? 15,
        accuracySteps: accuracy ?? budget.accuracySteps,
        accuracySeconds: numberFromEnv('BENCH_ACCURACY_S') ?? 30,
        testImages: numberFromEnv('BENCH_TEST_IMAGES') ?? 1000,
        latencyRuns: numberFromEnv('BENCH_LATENCY_RUNS') ?? 25,
        headlineSteps: engine === 'convlab-webgpu' ? (headline ?? budget.headlineSteps) : 0,
        headlineSeconds: numberFromEnv('BENCH_HEADLINE_S') ?? 60,
      });
    }
  }
  const extra = (process.env.BENCH_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
  return {
    runs,
    runTimeoutMs: (numberFromEnv('BENCH_RUN_TIMEOUT_S') ?? 600) * 1000,
    chromiumArgs: [...BASE_CHROMIUM_ARGS, ...extra],
    chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}
