/** The body of "Fooling a CNN": one training run (in a worker) and the images read from it. */
import { type ReactElement, useMemo } from 'react';
import { useWorkerRun } from '../../app/ui/training/useWorkerRun';
import { codeNetSetup } from '../cnn-codes/trainSetup';
import { ExercisesSection } from './ExercisesSection';
import { FgsmSection } from './FgsmSection';
import { FoolingImagesSection } from './FoolingImagesSection';
import { IntroSection } from './IntroSection';
import { LinearitySection } from './LinearitySection';
import { TrainSection } from './TrainSection';
import { useSamples } from './useSamples';
import '../cnn-codes/codes.css';
import './fooling.css';

const SEED = 1;

export default function FoolingACnn(): ReactElement {
  const setup = useMemo(() => codeNetSetup(SEED), []);
  const controls = useWorkerRun(setup);
  const { samples, message } = useSamples(controls);
  return (
    <>
      <IntroSection />
      <TrainSection controls={controls} />
      <FgsmSection controls={controls} samples={samples} message={message} />
      <LinearitySection />
      <FoolingImagesSection />
      <ExercisesSection />
    </>
  );
}
