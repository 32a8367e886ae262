/**
 * The one interface every engine adapter implements, so the harness (measure.ts) times them all
 * the same way. Inputs are always ConvLab's gatherBatch output (pixels / 255, NCHW); an adapter
 * converts layout itself (TF.js and ConvNetJS are channels-last) inside its own timed work, as a
 * user of that library would have to.
 */
import type { DatasetSplits } from '../engine/data/dataset';
import type { ModelKey, RunConfig } from './protocol';

export interface BenchEngine {
  /** Where it runs, e.g. "tfjs 4.22.0 webgl" or "wasm, 2 threads, SIMD". */
  readonly note: string;
  /**
   * Takes at least n training steps of config.batchSize and resolves with the number taken, only
   * once that work has really finished. An engine may round n up (ConvLab WebGPU reports progress,
   * which is its readback, every progressEvery steps).
   */
  trainSteps(n: number): Promise<number>;
  /** Mean training loss of the latest step that reported one; null before any has. */
  lastLoss(): Promise<number | null>;
  /** Predicts test image `index` alone (batch 1); resolves with the class once it is on the CPU. */
  predictOne(index: number): Promise<number>;
  /** Accuracy on the first `count` test images. */
  evaluate(count: number): Promise<number>;
  dispose(): void;
}

export type EngineFactory = (model: ModelKey, data: DatasetSplits, config: RunConfig) => Promise<BenchEngine>;
