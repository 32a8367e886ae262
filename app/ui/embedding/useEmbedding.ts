/**
 * Runs UMAP on a set of vectors in the embedding worker (embedWorker.ts) and reports its
 * progress, then the 2-D points. A new input (or unmounting) ends the worker that was embedding
 * the old one, so at most one embedding runs at a time.
 */
import { useEffect, useState } from 'react';
import type { EmbedReply, EmbedRequest } from './embedMessages';

export type EmbeddingState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly epoch: number; readonly epochs: number }
  /** `input` is the input these points embed (the state lags a new input by one render). */
  | { readonly status: 'done'; readonly points: Float32Array; readonly input: EmbeddingInput }
  | { readonly status: 'error'; readonly message: string };

export interface EmbeddingInput {
  readonly vectors: Float32Array;
  readonly dim: number;
  readonly seed: number;
}

const NEIGHBOURS = 15;
const EPOCHS = 300;

export function useEmbedding(input: EmbeddingInput | null): EmbeddingState {
  const [state, setState] = useState<EmbeddingState>({ status: 'idle' });
  useEffect(() => {
    if (!input) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'running', epoch: 0, epochs: EPOCHS });
    const worker = new Worker(new URL('./embedWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EmbedReply>) => {
      const m = event.data;
      if (m.type === 'progress') setState({ status: 'running', epoch: m.epoch, epochs: m.epochs });
      else if (m.type === 'done') setState({ status: 'done', points: m.points, input });
      else setState({ status: 'error', message: m.message });
    };
    worker.onerror = () => setState({ status: 'error', message: 'The embedding worker could not start.' });
    const request: EmbedRequest = {
      vectors: input.vectors,
      n: input.vectors.length / input.dim,
      dim: input.dim,
      seed: input.seed,
      neighbours: NEIGHBOURS,
      epochs: EPOCHS,
    };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [input]);
  return state;
}
