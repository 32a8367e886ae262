/**
 * What the runner (Node) and the bench page (browser) agree on: which engines and models exist,
 * the configuration of one measurement run, and the result it reports back. One page load runs
 * exactly one (model, engine) pair, so engines never share a tab's memory, JIT state or GPU device.
 */

export const ENGINE_NAMES = [
  'convlab-webgpu',
  'convlab-cpu',
  'convlab-wasm',
  'tfjs-webgpu',
  'tfjs-webgl',
  'tfjs-wasm',
  'tfjs-cpu',
  'convnetjs',
] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const MODEL_KEYS = ['lecture-mnist', 'convnetjs-cifar10'] as const;
export type ModelKey = (typeof MODEL_KEYS)[number];

export interface RunConfig {
  readonly model: ModelKey;
  readonly engine: EngineName;
  readonly batchSize: number;
  /** SGD with classical momentum for every engine: ConvNetJS 0.3 has no Adam. */
  readonly learningRate: number;
  readonly momentum: number;
  readonly seed: number;
  /** Untimed steps first (pipeline compilation, JIT, buffer allocation). */
  readonly warmupSteps: number;
  /**
   * The timed window: as many steps as fit in about timedSeconds (estimated from one calibration
   * step), at least 3 and at most timedSteps. It ends only once the engine's queued work is done.
   */
  readonly timedSteps: number;
  readonly timedSeconds: number;
  /**
   * Training steps (warm-up and timed included) before the accuracy check, unless accuracySeconds
   * of further training run out first (slow engines); the table says how many images each saw.
   */
  readonly accuracySteps: number;
  readonly accuracySeconds: number;
  /** Accuracy is measured on the first this-many test images. */
  readonly testImages: number;
  /** Batch-1 predictions timed for the latency median (after 3 untimed ones). */
  readonly latencyRuns: number;
  /**
   * ConvLab WebGPU only: after the common checks, keep training to this many steps and evaluate
   * on the whole test set; that is the JSON line's testAccuracy. 0 skips it.
   */
  readonly headlineSteps: number;
  /** Time cap on that extra training (SwiftShader cannot do an epoch in a bounded bench). */
  readonly headlineSeconds: number;
}

export interface Headline {
  /** Training steps taken in all (one epoch is ceil(train images / batch) steps). */
  readonly steps: number;
  readonly testImages: number;
  readonly accuracy: number;
}

export type RunResult =
  | {
      readonly ok: true;
      readonly model: ModelKey;
      readonly engine: EngineName;
      readonly imagesPerSecond: number;
      /**
       * The timed images over the renderer process's CPU seconds in the window (Chrome's
       * ProcessTime): what a CPU engine would do per second on a core of its own, whatever the
       * neighbours' load. Meaningless for GPU engines, whose work runs in the GPU process.
       */
      readonly imagesPerCpuSecond: number | null;
      /** Steps in the timed window. */
      readonly timedSteps: number;
      readonly latencyMedianMs: number;
      readonly testAccuracy: number;
      readonly trainedImages: number;
      readonly testImages: number;
      readonly headline: Headline | null;
      /** The engine's own description of where it ran (backend, threads), for the table's notes. */
      readonly note: string;
      readonly adapter: string;
      readonly wallMs: number;
    }
  | {
      readonly ok: false;
      readonly model: ModelKey;
      readonly engine: EngineName;
      readonly error: string;
      readonly adapter: string;
    };
