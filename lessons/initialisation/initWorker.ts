/**
 * The lesson's Web Worker: runs the initialisation experiment (10 or 20 layers of 500×500 products
 * on a batch of 256, forward and backward: about 2 billion multiply-adds) off the main thread, so
 * the page keeps responding, and reports progress after every layer.
 * Created with `new Worker(new URL('./initWorker.ts', import.meta.url), { type: 'module' })`.
 */
import { runExperiment } from './experiment';
import type { ExperimentReply, ExperimentRequest } from './workerMessages';

const scope = globalThis as unknown as {
  postMessage(message: ExperimentReply): void;
  onmessage: ((event: MessageEvent<ExperimentRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const { id, settings } = event.data;
  try {
    const result = runExperiment(settings, (done, total) => scope.postMessage({ id, kind: 'progress', done, total }));
    scope.postMessage({ id, kind: 'result', result });
  } catch (error) {
    scope.postMessage({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
