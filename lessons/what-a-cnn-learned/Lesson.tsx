/** The body of "What a CNN has learned": its sections in teaching order (see meta.ts), all sharing one trained net. */
import type { ReactElement } from 'react';
import { ActivationsSection } from './ActivationsSection';
import { AscentSection } from './AscentSection';
import { CamSection } from './CamSection';
import { DeconvSection } from './DeconvSection';
import { ExercisesSection } from './ExercisesSection';
import { FiltersSection } from './FiltersSection';
import { LearnedRunProvider } from './learnedRun';
import { SaliencySection } from './SaliencySection';
import { TopImagesSection } from './TopImagesSection';
import { TrainSection } from './TrainSection';
import './learned.css';

export default function WhatACnnLearned(): ReactElement {
  return (
    <LearnedRunProvider>
      <TrainSection />
      <FiltersSection />
      <ActivationsSection />
      <TopImagesSection />
      <SaliencySection />
      <CamSection />
      <AscentSection />
      <DeconvSection />
      <ExercisesSection />
    </LearnedRunProvider>
  );
}
