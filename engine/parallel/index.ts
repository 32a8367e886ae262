/**
 * Data-parallel training over several workers (docs/parallel-training.md). The launchers that
 * start real workers are imported from their own files, so that a bundle takes only the one it
 * uses: ./browser-launcher (module Web Workers) and ./node/launcher (Node worker threads).
 */
export { MAX_THREADS } from './checks';
export { createDataParallelStep, type DataParallelOptions, type DataParallelStep } from './data-parallel-step';
export { ParallelTrainingError } from './errors';
export { withOneThreadFallback } from './fallback';
export { inProcessLauncher } from './in-process-launcher';
export type { ReplicaEngine, ReplicaLauncher, ReplicaPort, TransportKind } from './protocol';
export { sharedMemoryAvailable } from './shared-slots';
