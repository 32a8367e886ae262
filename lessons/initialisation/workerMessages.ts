/**
 * The messages between the page and the lesson's experiment worker (initWorker.ts): one union per
 * direction, imported by both sides. `id` ties a reply to its request, so replies to a request the
 * page has since replaced are recognised and dropped.
 */
import type { ExperimentResult, ExperimentSettings } from './experiment';

export interface ExperimentRequest {
  readonly id: number;
  readonly settings: ExperimentSettings;
}

export type ExperimentReply =
  | { readonly id: number; readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly kind: 'result'; readonly result: ExperimentResult }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
