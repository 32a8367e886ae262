/**
 * Embeds high-dimensional vectors in 2-D with UMAP (the umap-js library, PAIR-code, MIT), in a
 * Web Worker so the page stays responsive while it optimises. UMAP, like the lecture's t-SNE,
 * keeps each point's nearest neighbours near it in the picture; its random choices (the
 * approximate neighbour search, the initial layout, the negative samples) all come from one
 * seeded source, so the same codes and seed give the same picture every time.
 */
import { UMAP } from 'umap-js';
import { createRng } from '../../../engine/tensor/rng';
import type { EmbedReply, EmbedRequest } from './embedMessages';

const reply = (message: EmbedReply, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<EmbedRequest>): void => {
  const { vectors, n, dim, seed, neighbours, epochs } = event.data;
  try {
    const rows = Array.from({ length: n }, (_, i) => Array.from(vectors.subarray(i * dim, (i + 1) * dim)));
    const rng = createRng(seed);
    const umap = new UMAP({
      nComponents: 2,
      nNeighbors: neighbours,
      minDist: 0.1,
      nEpochs: epochs,
      random: () => rng.next(),
    });
    const total = umap.initializeFit(rows);
    for (let epoch = 0; epoch < total; epoch++) {
      umap.step();
      if (epoch % 10 === 0) reply({ type: 'progress', epoch, epochs: total });
    }
    const embedding = umap.getEmbedding();
    const points = new Float32Array(n * 2);
    embedding.forEach(([x, y], i) => {
      points[2 * i] = x!;
      points[2 * i + 1] = y!;
    });
    reply({ type: 'done', points }, [points.buffer]);
  } catch (error) {
    reply({
      type: 'error',
      message: `The embedding failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
};
