/** The body of "Softmax and losses": its sections in teaching order (see meta.ts for the outline). */
import type { ReactElement } from 'react';
import { CrossEntropySection } from './CrossEntropySection';
import { ExercisesSection } from './ExercisesSection';
import { HingeSection } from './HingeSection';
import { RegularizationSection } from './RegularizationSection';
import { SoftmaxSection } from './SoftmaxSection';
import './losses.css';

export default function SoftmaxAndLosses(): ReactElement {
  return (
    <>
      <SoftmaxSection />
      <CrossEntropySection />
      <HingeSection />
      <RegularizationSection />
      <ExercisesSection />
    </>
  );
}
