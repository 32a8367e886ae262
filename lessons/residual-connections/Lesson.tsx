/** The body of "Why residual connections": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { BottleneckSection } from './BottleneckSection';
import { DegradationSection } from './DegradationSection';
import { ExercisesSection } from './ExercisesSection';
import { ExperimentSection } from './ExperimentSection';
import { GradientSection } from './GradientSection';
import { ResidualSection } from './ResidualSection';
import { StochasticDepthSection } from './StochasticDepthSection';
import './residual.css';

export default function ResidualConnections(): ReactElement {
  return (
    <>
      <DegradationSection />
      <ResidualSection />
      <GradientSection />
      <ExperimentSection />
      <BottleneckSection />
      <StochasticDepthSection />
      <ExercisesSection />
    </>
  );
}
