/** The body of "Gradient descent and the training loop": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { EpochsSection } from './EpochsSection';
import { ExercisesSection } from './ExercisesSection';
import { LearningRateSection } from './LearningRateSection';
import { LoopSection } from './LoopSection';
import { OptimizersSection } from './OptimizersSection';
import { TrainingSection } from './TrainingSection';
import './gradient-descent.css';

export default function GradientDescent(): ReactElement {
  return (
    <>
      <LoopSection />
      <LearningRateSection />
      <OptimizersSection />
      <EpochsSection />
      <TrainingSection />
      <ExercisesSection />
    </>
  );
}
