/**
 * Structural proof that a lesson trains in a Web Worker, never by timing: an init script wraps the
 * page's Worker constructor so every worker it creates is recorded, and every 'trainer' message
 * (engine/worker/protocol.ts) that arrives from one is counted. A demo that trained on the main
 * thread would create no worker and receive no trainer messages.
 */
import type { Page } from '@playwright/test';

/** The training worker's script (engine/worker/worker.ts; worker-<hash>.js once built), not other workers. */
export const TRAINING_WORKER = /\/worker[-.][^/]*$/;

interface WorkerTally {
  created: string[];
  trainerMessages: number;
}

/** Call before page.goto. */
export async function watchTrainingWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tally: WorkerTally = { created: [], trainerMessages: 0 };
    (window as unknown as { __workerTally: WorkerTally }).__workerTally = tally;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        tally.created.push(String(url));
        this.addEventListener('message', (event: MessageEvent) => {
          if ((event.data as { type?: unknown } | null)?.type === 'trainer') tally.trainerMessages++;
        });
      }
    };
  });
}

/** Workers the page created (their script URLs) and trainer messages received from them so far. */
export function workerTally(page: Page): Promise<WorkerTally> {
  return page.evaluate(() => (window as unknown as { __workerTally: WorkerTally }).__workerTally);
}
