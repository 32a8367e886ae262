/** The body of "Architectures, LeNet to ResNet": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { AlexNetSection } from './AlexNetSection';
import { CompareSection } from './CompareSection';
import { DenseNetSection } from './DenseNetSection';
import { ExercisesSection } from './ExercisesSection';
import { GoogLeNetSection } from './GoogLeNetSection';
import { LeNetSection } from './LeNetSection';
import { ResNetSection } from './ResNetSection';
import { TimelineSection } from './TimelineSection';
import { VggSection } from './VggSection';
import { ZfnetSection } from './ZfnetSection';
import './architectures.css';

export default function ArchitecturesLesson(): ReactElement {
  return (
    <>
      <TimelineSection />
      <LeNetSection />
      <AlexNetSection />
      <ZfnetSection />
      <VggSection />
      <GoogLeNetSection />
      <ResNetSection />
      <DenseNetSection />
      <CompareSection />
      <ExercisesSection />
    </>
  );
}
