/**
 * "The run can then continue on one thread": wraps the data-parallel step so that when it fails
 * with a ParallelTrainingError (a replica threw or died; that step was not applied), the same step
 * is taken again with `trainStep` on this thread, and so is every later one. `onFallback` hears the
 * error's message once, for the UI or the log. Other errors (a batch larger than the step was set up
 * for, a bad model) are mistakes of the caller and pass through.
 */
import { type StepFn, trainStep } from '../train/step';
import { ParallelTrainingError } from './errors';

export function withOneThreadFallback(parallel: StepFn, onFallback: (message: string) => void = () => {}): StepFn {
  let current: StepFn = parallel;
  return async (model, optimizer, input) => {
    try {
      return await current(model, optimizer, input);
    } catch (error) {
      if (!(error instanceof ParallelTrainingError) || current === trainStep) throw error;
      current = trainStep;
      onFallback(error.message);
      return trainStep(model, optimizer, input);
    }
  };
}
