/**
 * The worker session and the page's client joined by a MessageChannel in Node, exactly as a Web
 * Worker would join them (every message structured-cloned, buffers transferred), for the tests that
 * drive the worker protocol. Also: the official MNIST files from ../shared/datasets, and a
 * WorkerRun (app/ui/training) over its own session.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkerRun } from '../../app/ui/training/workerRun';
import type { WasmParallel } from '../../engine/backend/wasm-host';
import type { WasmModule } from '../../engine/wasm/module';
import { WorkerClient } from '../../engine/worker/client';
import { type FromWorker, type ToWorker, transferablesOf } from '../../engine/worker/protocol';
import { WorkerSession } from '../../engine/worker/session';

export interface SessionHarness {
  readonly client: WorkerClient;
  /**
   * The next message of `type` (that passes `where`); an error message from the session fails
   * the wait with the session's words, so a test never hangs on a refused request.
   */
  next<T extends FromWorker['type']>(
    type: T,
    where?: (m: Extract<FromWorker, { type: T }>) => boolean,
  ): Promise<Extract<FromWorker, { type: T }>>;
  close(): void;
}

/**
 * `gpu` and `loadWasm` are the platform the session sees: none by default, so 'auto' trains on
 * the TypeScript engine; pass engine/wasm/node/load.ts loadWasmKernels to offer the wasm engine,
 * and `parallel` to let it split batches over replicas.
 */
export function openSession(
  gpu?: GPU,
  loadWasm: (() => Promise<WasmModule>) | null = null,
  parallel: WasmParallel | null = null,
): SessionHarness {
  const channel = new MessageChannel();
  const session = new WorkerSession((m) => channel.port1.postMessage(m, transferablesOf(m)), gpu, loadWasm, parallel);
  channel.port1.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
  const client = new WorkerClient(channel.port2 as unknown as ConstructorParameters<typeof WorkerClient>[0]);
  channel.port2.start();
  return {
    client,
    next(type, where = () => true) {
      return new Promise((done, fail) => {
        const stop = client.subscribe((m) => {
          if (m.type === type && where(m as never)) {
            stop();
            done(m as never);
          } else if (m.type === 'error') {
            stop();
            fail(new Error(m.message));
          }
        });
      });
    },
    close() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

const MNIST_FILES = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];

/** The four official MNIST files, read afresh (a load transfers, and so empties, the buffers). */
export function mnistFiles(): { name: string; bytes: Uint8Array }[] {
  const dir = resolve('../shared/datasets/mnist');
  return MNIST_FILES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(resolve(dir, name))) }));
}

/** A lesson's WorkerRun over its own session; `close` disposes both. */
export function openRun(embeddedUrl = 'unused'): { readonly run: WorkerRun; close(): void } {
  const harness = openSession(undefined);
  const run = new WorkerRun({ client: harness.client, terminate: () => undefined, embeddedUrl }, 0);
  return {
    run,
    close() {
      run.dispose();
      harness.close();
    },
  };
}
