/** The body of "Pooling": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import './pooling.css';
import { ExercisesSection } from './ExercisesSection';
import { GlobalSection, InvarianceSection, MaxAvgSection, OverlapSection, SwitchesSection } from './sections';

export default function Pooling(): ReactElement {
  return (
    <>
      <MaxAvgSection />
      <SwitchesSection />
      <InvarianceSection />
      <OverlapSection />
      <GlobalSection />
      <ExercisesSection />
    </>
  );
}
