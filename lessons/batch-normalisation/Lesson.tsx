/** The body of "Batch normalisation": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { AlgorithmSection } from './AlgorithmSection';
import { ExercisesSection } from './ExercisesSection';
import { InferenceSection } from './InferenceSection';
import { PlacementSection } from './PlacementSection';
import { RaceSection } from './RaceSection';
import { WhySection } from './WhySection';
import './batch-normalisation.css';

export default function BatchNormalisation(): ReactElement {
  return (
    <>
      <WhySection />
      <AlgorithmSection />
      <PlacementSection />
      <InferenceSection />
      <RaceSection />
      <ExercisesSection />
    </>
  );
}
