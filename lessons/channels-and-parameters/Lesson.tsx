/** The body of "Channels, filters and parameters": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import './channels.css';
import { ExercisesSection } from './ExercisesSection';
import { FactorisingSection } from './FactorisingSection';
import { OneByOneSection } from './OneByOneSection';
import { ReceptiveFieldSection } from './ReceptiveFieldSection';
import { SharingSection } from './SharingSection';
import { VolumeSection } from './VolumeSection';

export default function ChannelsAndParameters(): ReactElement {
  return (
    <>
      <VolumeSection />
      <SharingSection />
      <OneByOneSection />
      <FactorisingSection />
      <ReceptiveFieldSection />
      <ExercisesSection />
    </>
  );
}
