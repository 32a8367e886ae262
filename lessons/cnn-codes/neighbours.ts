/**
 * The k nearest neighbours of one vector among n others by Euclidean distance, the query itself
 * left out. Used twice on the same images: once on their CNN codes, once on their raw pixels.
 * Brute force: 2,000 vectors of 784 values is 1.6 million multiply-adds, a millisecond or two.
 */
export interface Neighbour {
  readonly index: number;
  readonly distance: number;
}

export function nearestNeighbours(vectors: Float32Array, dim: number, query: number, k: number): readonly Neighbour[] {
  const n = vectors.length / dim;
  const q = vectors.subarray(query * dim, (query + 1) * dim);
  const all: Neighbour[] = [];
  for (let i = 0; i < n; i++) {
    if (i === query) continue;
    let sum = 0;
    const base = i * dim;
    for (let j = 0; j < dim; j++) {
      const d = vectors[base + j]! - q[j]!;
      sum += d * d;
    }
    all.push({ index: i, distance: Math.sqrt(sum) });
  }
  // Ties broken by index, so the list is the same every time.
  all.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return all.slice(0, k);
}
