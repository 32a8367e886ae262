/** The body of "Activation functions": its sections in teaching order (see meta.ts for the outline). */
import type { ReactElement } from 'react';
import { CentredSection } from './CentredSection';
import { DyingSection } from './DyingSection';
import { ExercisesSection } from './ExercisesSection';
import { IntroSection } from './IntroSection';
import { RaceSection } from './RaceSection';
import { SaturationSection } from './SaturationSection';
import { ZooSection } from './ZooSection';
import './activations.css';

export default function Activations(): ReactElement {
  return (
    <>
      <IntroSection />
      <ZooSection />
      <SaturationSection />
      <DyingSection />
      <CentredSection />
      <RaceSection />
      <ExercisesSection />
    </>
  );
}
