/**
 * Replicas as Node worker threads. The entry is TypeScript (./replica-thread.ts), so each thread
 * first registers tsx's loader and then imports it; a bundled build can pass a JavaScript entry
 * instead. A thread's uncaught error or exit becomes the replica's failure in words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromReplica, ReplicaLauncher, ReplicaPort } from '../protocol';

export interface NodeLauncherOptions {
  /** The replica's entry module (default ./replica-thread.ts, loaded through tsx). */
  readonly entry?: URL;
}

export function nodeReplicaLauncher(options: NodeLauncherOptions = {}): ReplicaLauncher {
  const entry = options.entry ?? new URL('./replica-thread.ts', import.meta.url);
  const tsx = tsxEsmApi();
  return (): ReplicaPort => {
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`,
          { eval: true },
        )
      : new Worker(entry);
    let terminated = false;
    const failures: ((reason: string) => void)[] = [];
    const fail = (reason: string): void => {
      if (terminated) return;
      for (const failure of failures) failure(reason);
    };
    worker.on('error', (error: Error) => fail(`stopped with an error in its thread: ${error.message}`));
    worker.on('messageerror', () => fail('sent a message that could not be read'));
    worker.on('exit', (code) => fail(`stopped: its thread exited (exit code ${code})`));
    return {
      post: (message, transfer) => worker.postMessage(message, transfer as unknown as ArrayBuffer[]),
      onMessage: (listener) => worker.on('message', (message: FromReplica) => listener(message)),
      onFailure: (listener) => failures.push(listener),
      terminate(): void {
        terminated = true;
        void worker.terminate();
      },
    };
  };
}

/**
 * The URL of tsx's ESM API (its `tsImport`), resolved here rather than in the thread so that it
 * does not depend on the working directory; read from tsx's own exports map, because resolving
 * through `require` gives the CommonJS build, which cannot load TypeScript modules from a thread.
 */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (
    JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  ).exports;
  return new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}
