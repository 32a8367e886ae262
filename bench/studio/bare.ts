/**
 * The bare engine for `npm run bench:studio`: the studio's own training worker
 * (engine/worker/worker.ts through WorkerClient), given the same dataset, model, seed and
 * hyperparameters as the studio sends, and asked for nothing else — no snapshots, no predictions,
 * no React. The runner calls `window.benchStart()` and reads `window.benchSteps`, the time of every
 * progress event and the step it reports, exactly what it reads from the studio page.
 */

import { DEFAULT_HYPER } from '../../app/stores/studio';
import { trainerConfig } from '../../app/studio/hyper';
import { PRESETS } from '../../engine/spec';
import { WorkerClient } from '../../engine/worker/client';
import type { FromWorker } from '../../engine/worker/protocol';

interface BenchWindow {
  benchSteps: [number, number][];
  benchBackend: string;
  benchReady: boolean;
  benchError: string | null;
  benchStart: () => number;
  benchPause: () => void;
}

const w = window as unknown as BenchWindow;
const params = new URL(location.href).searchParams;
const epochs = Number(params.get('epochs') ?? 100);

w.benchSteps = [];
w.benchBackend = '';
w.benchReady = false;
w.benchError = null;

const worker = new Worker(new URL('../../engine/worker/worker.ts', import.meta.url), { type: 'module' });
const client = new WorkerClient(worker);
const hyper = { ...DEFAULT_HYPER, epochs };

client.subscribe((m: FromWorker) => {
  switch (m.type) {
    case 'backend':
      w.benchBackend = `${m.backend}: ${m.reason}`;
      // As the studio does: the dataset once the backend is known, then the model.
      client.send({
        type: 'load-dataset',
        source: { kind: 'embedded-mnist', url: new URL('/data/mnist-embedded.bin', location.origin).href },
        validation: 1000,
        seed: hyper.seed,
      });
      return;
    case 'dataset':
      client.send({ type: 'stop' });
      client.send({ type: 'configure', config: trainerConfig(hyper, m.info.shape[2]) });
      client.send({ type: 'build', spec: PRESETS['lecture-mnist']!.spec, seed: hyper.seed });
      return;
    case 'model':
      w.benchReady = true;
      return;
    case 'trainer':
      if (m.event.type === 'progress') w.benchSteps.push([performance.now(), m.event.progress.step]);
      return;
    case 'error':
      w.benchError = m.message;
      console.error(`[bench] ${m.scope}: ${m.message}`);
      return;
    default:
      return;
  }
});

w.benchStart = () => {
  client.send({ type: 'start' });
  return performance.now();
};
w.benchPause = () => client.send({ type: 'pause' });
client.send({ type: 'init', backend: 'auto' });
