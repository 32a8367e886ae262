/** The body of "Weight initialisation": its sections in teaching order (see meta.ts for the outline). */
import type { ReactElement } from 'react';
import { ExercisesSection } from './ExercisesSection';
import { ExperimentSection } from './ExperimentSection';
import { GradientsSection } from './GradientsSection';
import { VarianceSection } from './VarianceSection';
import { WhySection } from './WhySection';
import './initialisation.css';

export default function Initialisation(): ReactElement {
  return (
    <>
      <WhySection />
      <ExperimentSection />
      <GradientsSection />
      <VarianceSection />
      <ExercisesSection />
    </>
  );
}
