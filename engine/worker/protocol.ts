/**
 * The ONE message protocol between the page and the training worker. Both sides import these
 * types; every message is a member of a discriminated union and both sides switch on `type`
 * exhaustively. Large arrays travel as transferable buffers, never copied.
 *
 * Requests that expect an answer carry a `requestId`, echoed by the answer (or by an `error`).
 */
import type { EngineChoice, EngineKind } from '../backend/types';
import type { Dataset } from '../data/dataset';
import type { KeepNote } from '../data/kept-fetch';
import type { OwnImages } from '../data/own-images';
import type { LoadProgress } from '../data/progress';
import type { ModelSpec, ModelSummary } from '../spec/types';
import type { InitScheme } from '../train/initializers';
import type { Metrics } from '../train/metrics';
import type { TrainerConfig, TrainerEvent } from '../train/trainer';
import type { BrowsePage } from './browse';
import type { InspectQuery, InspectResult } from './inspect';
import type { ParamNorm } from './norms';

/** The engine asked for: 'auto' is hardware WebGPU, then WebAssembly, then TypeScript. */
export type BackendChoice = EngineChoice;
/** The engine that trains: 'cpu' is the TypeScript engine, 'wasm' the WebAssembly SIMD one. */
export type BackendKind = EngineKind;

export type DatasetSource =
  /** The embedded MNIST subset (engine/data/embedded.ts format), split into train and test. */
  | { readonly kind: 'embedded-mnist'; readonly url: string }
  /** The four official MNIST files under `base` (as `npm run fetch-data` lays them out). */
  | { readonly kind: 'mnist-urls'; readonly base: string }
  | { readonly kind: 'cifar10-url'; readonly url: string }
  /** The student's own images, already resized to one shape (engine/data/own-images.ts checks them). */
  | ({ readonly kind: 'images' } & OwnImages)
  /**
   * Train and test splits the page already holds (a lesson's CIFAR-10, all 60,000 images): handed
   * over whole, their buffers transferred, so the page no longer has them after the load.
   */
  | { readonly kind: 'splits'; readonly train: Dataset; readonly test: Dataset }
  /** Files a user dropped on the page, by file name (MNIST IDX, CIFAR-10 tar.gz or .bin batches). */
  | { readonly kind: 'files'; readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[] };

export interface DatasetInfo {
  readonly name: string;
  readonly shape: readonly [number, number, number];
  readonly classNames: readonly string[];
  readonly trainCount: number;
  readonly validationCount: number;
  readonly testCount: number;
}

/** A tensor as it crosses the boundary: the buffer is transferred. */
export interface WireTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export type SnapshotKind = 'activations' | 'weights' | 'gradients';

/** A split the dataset browser can show. */
export type BrowseSplit = 'train' | 'validation' | 'test';

/** A held-out split the page can ask the worker to evaluate. */
export type EvalSplit = 'validation' | 'test';

/** One misclassified image of a split, as the 'mistakes' answer lists them. */
export interface MistakeItem {
  /** The image's index in its split. */
  readonly index: number;
  readonly label: number;
  readonly predicted: number;
  /** Softmax probabilities of every class (so probabilities[predicted] is the confidence). */
  readonly probabilities: Float32Array;
  /** The image as the network sees it: [1, C, H, W] in [0, 1]. */
  readonly image: WireTensor;
}

/** Hyperparameters the page may change; some apply live, the rest from the next start. */
export type HyperParameters = Partial<TrainerConfig>;

export type ToWorker =
  | { readonly type: 'init'; readonly backend: BackendChoice }
  | {
      readonly type: 'load-dataset';
      readonly source: DatasetSource;
      readonly validation: number;
      readonly seed: number;
      /** Train on only the first this many training images (a lesson's small-data run); all when absent. */
      readonly trainLimit?: number | null;
      /**
       * Keep only images with these labels, in every split, before trainLimit (a transfer-learning
       * lesson pretrains on 0-4 and then learns 5-9). Labels keep their values; all when absent or null.
       */
      readonly classes?: readonly number[] | null;
    }
  | {
      readonly type: 'build';
      readonly spec: ModelSpec;
      readonly seed: number;
      /** Weight initialisation; the engine's default ('he') when absent. */
      readonly init?: InitScheme;
    }
  | { readonly type: 'configure'; readonly config: HyperParameters }
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'stop' }
  | {
      readonly type: 'snapshot';
      readonly requestId: number;
      readonly kind: SnapshotKind;
      /** Layer index in the summary, or null for every layer. */
      readonly layer: number | null;
      /** For activations: the index of a validation sample to run. */
      readonly sample: number;
    }
  | {
      readonly type: 'predict';
      readonly requestId: number;
      readonly image: Float32Array;
      readonly activations: boolean;
    }
  | { readonly type: 'export-weights'; readonly requestId: number }
  /**
   * L2 norms of every param's weights and latest gradient (engine/worker/norms.ts): what the norm
   * views need, without sending every weight and gradient across.
   */
  | { readonly type: 'norms'; readonly requestId: number }
  | {
      /** A page of the dataset browser: `count` images of a split from `offset`, of class `label` if set. */
      readonly type: 'browse';
      readonly requestId: number;
      readonly split: BrowseSplit;
      readonly label: number | null;
      readonly offset: number;
      readonly count: number;
    }
  | {
      /** Evaluation-mode metrics of a split's first `limit` images (all when null), between steps. */
      readonly type: 'evaluate';
      readonly requestId: number;
      readonly split: EvalSplit;
      readonly limit: number | null;
    }
  | {
      /**
       * The split's misclassified images (of its first `maxImages`, all when null), most confident
       * mistakes first, at most `limit` of them, only of true class `label` when it is not null.
       */
      readonly type: 'mistakes';
      readonly requestId: number;
      readonly split: EvalSplit;
      readonly limit: number;
      readonly label: number | null;
      readonly maxImages: number | null;
    }
  | {
      readonly type: 'import-weights';
      readonly requestId: number;
      readonly weights: Readonly<Record<string, Float32Array>>;
    }
  /** What the current model has learned, through the input gradient (engine/worker/inspect.ts). */
  | { readonly type: 'inspect'; readonly requestId: number; readonly query: InspectQuery }
  /**
   * Training health: stop the run and put back the last good checkpoint's weights; the next start
   * continues from its step. Answered by 'done', or an error when there is no checkpoint.
   */
  | { readonly type: 'restore-checkpoint'; readonly requestId: number }
  /**
   * The current weights were trained for `step` steps (a session restored after a reload): the
   * next start continues from that step, its epoch counter too, instead of from 0.
   */
  | { readonly type: 'continue-from'; readonly step: number };

export type FromWorker =
  | {
      readonly type: 'backend';
      readonly backend: BackendKind;
      readonly adapter: string | null;
      /** CPU threads that train a step (1 today; data-parallel training will raise it). */
      readonly threads: number;
      /** Why this backend and not another, in words for the UI (e.g. why WebGPU is not used). */
      readonly reason: string;
    }
  | { readonly type: 'dataset-progress'; readonly progress: LoadProgress }
  /** `keep` says whether full data came from, or was kept in, the browser's storage (absent for the embedded subset). */
  | { readonly type: 'dataset'; readonly info: DatasetInfo; readonly keep?: KeepNote }
  | { readonly type: 'browse'; readonly requestId: number; readonly page: BrowsePage }
  | { readonly type: 'model'; readonly summary: ModelSummary }
  | { readonly type: 'trainer'; readonly event: TrainerEvent }
  | {
      readonly type: 'snapshot';
      readonly requestId: number;
      readonly kind: SnapshotKind;
      readonly tensors: readonly WireTensor[];
    }
  | {
      readonly type: 'prediction';
      readonly requestId: number;
      readonly probabilities: Float32Array;
      readonly activations: readonly WireTensor[];
    }
  | { readonly type: 'weights'; readonly requestId: number; readonly weights: Readonly<Record<string, Float32Array>> }
  | { readonly type: 'norms'; readonly requestId: number; readonly norms: readonly ParamNorm[] }
  | {
      readonly type: 'evaluation';
      readonly requestId: number;
      readonly split: EvalSplit;
      readonly metrics: Metrics;
      /** Training steps done when the weights were read (0 before any training). */
      readonly step: number;
    }
  | {
      readonly type: 'mistakes';
      readonly requestId: number;
      readonly split: EvalSplit;
      readonly items: readonly MistakeItem[];
      /** Images evaluated (the split, or its first maxImages) and how many of them are wrong. */
      readonly evaluated: number;
      readonly wrong: number;
      /** Images in the whole split. */
      readonly total: number;
      /** Metrics over the evaluated images (confusion rows give the mistakes per true class). */
      readonly metrics: Metrics;
      readonly step: number;
    }
  | { readonly type: 'inspection'; readonly requestId: number; readonly result: InspectResult }
  | {
      /**
       * The run stopped being healthy (engine/train/health.ts): the worker paused it. `message`
       * says what happened and what to try; `checkpointStep` is the step of the last good
       * checkpoint that 'restore-checkpoint' would put back (null when there is none).
       */
      readonly type: 'health';
      readonly verdict: 'diverging' | 'collapsed' | 'non-finite';
      readonly step: number;
      readonly message: string;
      readonly checkpointStep: number | null;
    }
  | { readonly type: 'done'; readonly requestId: number }
  | {
      readonly type: 'error';
      readonly scope: 'backend' | 'dataset' | 'model' | 'training' | 'request';
      readonly message: string;
      readonly requestId?: number;
    };

/** Buffers inside a message that can be transferred rather than copied. */
export function transferablesOf(message: FromWorker | ToWorker): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const add = (a: { buffer: ArrayBufferLike }): void => {
    if (a.buffer instanceof ArrayBuffer && !buffers.includes(a.buffer)) buffers.push(a.buffer);
  };
  switch (message.type) {
    case 'snapshot':
      if ('tensors' in message) for (const t of message.tensors) add(t.data);
      break;
    case 'prediction':
      add(message.probabilities);
      for (const t of message.activations) add(t.data);
      break;
    case 'mistakes':
      if ('items' in message) {
        for (const item of message.items) {
          add(item.probabilities);
          add(item.image.data);
        }
      }
      break;
    case 'browse':
      if ('page' in message) {
        add(message.page.images);
        add(message.page.indices);
        add(message.page.labels);
      }
      break;
    case 'weights':
    case 'import-weights':
      for (const w of Object.values(message.weights)) add(w);
      break;
    case 'load-dataset':
      if (message.source.kind === 'files') for (const f of message.source.files) add(f.bytes);
      if (message.source.kind === 'splits') {
        for (const set of [message.source.train, message.source.test]) {
          add(set.images);
          add(set.labels);
        }
      }
      break;
    case 'inspection':
      for (const value of Object.values(message.result)) if (value instanceof Float32Array) add(value);
      break;
    default:
      break;
  }
  return buffers;
}
