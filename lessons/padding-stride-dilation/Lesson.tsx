/** The body of "Padding, stride and dilation": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { DilationSection } from './DilationSection';
import { ExercisesSection } from './ExercisesSection';
import { OutputSizeSection } from './OutputSizeSection';
import { PaddingSection } from './PaddingSection';
import { StrideSection } from './StrideSection';
import { TransposedSection } from './TransposedSection';
import './padding-stride-dilation.css';

export default function PaddingStrideDilation(): ReactElement {
  return (
    <>
      <OutputSizeSection />
      <StrideSection />
      <PaddingSection />
      <DilationSection />
      <TransposedSection />
      <ExercisesSection />
    </>
  );
}
