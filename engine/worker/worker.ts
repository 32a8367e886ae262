/**
 * The training worker's entry point: binds a WorkerSession to the worker's message port, with
 * navigator.gpu for WebGPU and the wasm kernels fetched as a same-origin asset for WebAssembly.
 * The wasm engine trains on one thread per logical core (at most MAX_WASM_THREADS): replicas in
 * nested workers take their shards of each batch (engine/parallel/).
 * Created by the page with `new Worker(new URL('engine/worker/worker.ts', import.meta.url), { type: 'module' })`.
 */
import { browserReplicaLauncher } from '../parallel/browser-launcher';
import { loadWasmKernelsInBrowser } from '../wasm/browser';
import { type FromWorker, type ToWorker, transferablesOf } from './protocol';
import { WorkerSession } from './session';

const scope = globalThis as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

/** Beyond a few threads the per-step exchange outweighs the shards' work on these small nets. */
const MAX_WASM_THREADS = 4;
const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;

const session = new WorkerSession(
  (message) => scope.postMessage(message, transferablesOf(message)),
  (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu,
  loadWasmKernelsInBrowser,
  {
    threads: Math.max(1, Math.min(MAX_WASM_THREADS, Math.floor(cores))),
    launcher: browserReplicaLauncher,
    onFallback: (message) => console.warn(message),
  },
);
scope.onmessage = (event) => {
  void session.handle(event.data);
};
