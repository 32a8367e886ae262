/**
 * ConvLab's engine, as the app, the CLI and the bench use it: import from 'engine' rather than its
 * files in new code. Platform modules stay out (engine/wasm/browser.ts, engine/wasm/node/,
 * engine/cli/gpu.ts): a caller hands createBackend its own GPU object and wasm loader.
 */

// Engines: one factory, one host interface, the automatic choice, the GPU context.
export { chooseEngine } from './backend/choose';
export { type BackendResult, createBackend, type Platform } from './backend/create';
export type {
  Backend,
  EngineChoice,
  EngineKind,
  HostModel,
  ModelHost,
  NamedTensor,
  ResumePoint,
} from './backend/types';
// Data sources.
export { CIFAR10_CLASSES, type Dataset, DatasetError, type DatasetSplits, MNIST_CLASSES } from './data/dataset';
export { loadCifar10FromUrl, loadEmbeddedMnist, loadMnistFromUrls } from './data/fetch-dataset';
export { type GpuContext, type GpuContextResult, isSoftwareAdapter, openGpuContext } from './gpu/context';
export { GpuUnavailableError } from './gpu/device';
// The model spec.
export * from './spec';
// Training: the trainer's types and config, evaluation.
export { evaluate, metricsOfLogits, modelLogits } from './train/evaluate';
export type { Metrics } from './train/metrics';
export {
  DEFAULT_TRAINER_CONFIG,
  type Progress,
  type TrainerConfig,
  type TrainerData,
  type TrainerEvent,
  type TrainerStatus,
  type TrainingRun,
  type TrainResult,
} from './train/trainer';
export { type WasmFlavour, WasmLoadError, type WasmModule } from './wasm/module';

// The training worker's protocol and client.
export { WorkerClient } from './worker/client';
export type { BackendChoice, BackendKind, DatasetSource, FromWorker, ToWorker } from './worker/protocol';
