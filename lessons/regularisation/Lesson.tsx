/** The body of "Regularisation": its sections in teaching order (see meta.ts). */
import { type ReactElement, useState } from 'react';
import type { DatasetSplits } from '../../engine/data/dataset';
import { AugmentationSection } from './AugmentationSection';
import { DropoutSection } from './DropoutSection';
import { ExercisesSection } from './ExercisesSection';
import { LiveSection } from './LiveSection';
import { OverfittingSection } from './OverfittingSection';
import { PcaColourSection } from './PcaColourSection';
import { WeightDecaySection } from './WeightDecaySection';
import './regularisation.css';

export default function Regularisation(): ReactElement {
  // CIFAR-10 is loaded once, on request, in the augmentation section; the PCA section uses it too.
  const [cifar, setCifar] = useState<DatasetSplits | null>(null);
  return (
    <>
      <OverfittingSection />
      <DropoutSection />
      <AugmentationSection cifar={cifar} onCifar={setCifar} />
      <PcaColourSection cifar={cifar} />
      <WeightDecaySection />
      <LiveSection />
      <ExercisesSection />
    </>
  );
}
