/** The body of "Layer calculator": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import './calculator.css';
import { ExercisesSection } from './ExercisesSection';
import { CalculatorSection, DeeperSection, ReferenceSection } from './sections';

export default function LayerCalculatorLesson(): ReactElement {
  return (
    <>
      <CalculatorSection />
      <ReferenceSection />
      <DeeperSection />
      <ExercisesSection />
    </>
  );
}
