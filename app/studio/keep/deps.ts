/**
 * Keep and share, the studio's hooks: the two actions (load a dataset, build a fresh model) that
 * keep-and-share calls back into. actions.ts hands them over through startKeep; they live apart in
 * this one module so every keep module can reach them without importing the studio's actions
 * (which import keep-and-share: that would be a cycle).
 */
import type { SharedDataset } from './share';

export interface KeepDeps {
  readonly loadDataset: (choice: SharedDataset) => void;
  readonly resetModel: () => void;
}

let deps: KeepDeps = { loadDataset: () => undefined, resetModel: () => undefined };

/** startSession, on every mount of the studio: the current mount's actions. */
export function setKeepDeps(next: KeepDeps): void {
  deps = next;
}

/** The studio's actions, as the last mount handed them over (no-ops before the first). */
export function studioDeps(): KeepDeps {
  return deps;
}
