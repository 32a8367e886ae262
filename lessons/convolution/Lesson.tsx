/** The body of "Convolution as a sliding dot product": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { DotProductSection } from './DotProductSection';
import { ExercisesSection } from './ExercisesSection';
import { FiltersSection } from './FiltersSection';
import { FlipSection } from './FlipSection';
import { SlidingSection } from './SlidingSection';
import './convolution.css';

export default function Convolution(): ReactElement {
  return (
    <>
      <SlidingSection />
      <DotProductSection />
      <FlipSection />
      <FiltersSection />
      <ExercisesSection />
    </>
  );
}
