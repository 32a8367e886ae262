/** Why data-parallel training could not start or go on, in words a person can act on. */
export class ParallelTrainingError extends Error {
  override readonly name = 'ParallelTrainingError';
}
