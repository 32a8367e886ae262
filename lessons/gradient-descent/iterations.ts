/**
 * Epoch arithmetic: with N training samples and batch size B, one epoch takes ⌈N / B⌉
 * iterations; when B does not divide N the last batch holds the N − (⌈N/B⌉ − 1)·B left over.
 * The same ceiling the engine's Trainer uses for stepsPerEpoch.
 */
export interface EpochPlan {
  readonly iterationsPerEpoch: number;
  readonly lastBatch: number;
  readonly totalIterations: number;
}

export function epochPlan(samples: number, batchSize: number, epochs: number): EpochPlan {
  const iterationsPerEpoch = Math.ceil(samples / batchSize);
  return {
    iterationsPerEpoch,
    lastBatch: samples - (iterationsPerEpoch - 1) * batchSize,
    totalIterations: iterationsPerEpoch * epochs,
  };
}
