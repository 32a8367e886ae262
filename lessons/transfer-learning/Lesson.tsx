/** The body of "Transfer learning": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { CasesSection } from './CasesSection';
import { ExercisesSection } from './ExercisesSection';
import { ExperimentSection } from './ExperimentSection';
import { HowSection } from './HowSection';
import { WhySection } from './WhySection';
import './transfer.css';

export default function TransferLearning(): ReactElement {
  return (
    <>
      <WhySection />
      <CasesSection />
      <HowSection />
      <ExperimentSection />
      <ExercisesSection />
    </>
  );
}
