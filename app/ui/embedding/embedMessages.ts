/** The messages between the page and the embedding worker (embedWorker.ts). */

export interface EmbedRequest {
  /** n × dim vectors, one after another. */
  readonly vectors: Float32Array;
  readonly n: number;
  readonly dim: number;
  /** Seeds UMAP's random source, so the same codes give the same picture. */
  readonly seed: number;
  readonly neighbours: number;
  readonly epochs: number;
}

export type EmbedReply =
  | { readonly type: 'progress'; readonly epoch: number; readonly epochs: number }
  /** n × 2: x, y of each point. */
  | { readonly type: 'done'; readonly points: Float32Array }
  | { readonly type: 'error'; readonly message: string };
