/** The body of "Backpropagation": its sections in teaching order (see meta.ts for the outline). */
import type { ReactElement } from 'react';
import { CnnSection } from './CnnSection';
import { ConvBackwardSection } from './ConvBackwardSection';
import { ExercisesSection } from './ExercisesSection';
import { GatesSection } from './GatesSection';
import { GradCheckSection } from './GradCheckSection';
import { GraphSection } from './GraphSection';
import { LinearSection } from './LinearSection';
import './backpropagation.css';

export default function Backpropagation(): ReactElement {
  return (
    <>
      <GraphSection />
      <LinearSection />
      <CnnSection />
      <ConvBackwardSection />
      <GatesSection />
      <GradCheckSection />
      <ExercisesSection />
    </>
  );
}
