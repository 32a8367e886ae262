/** The body of "Images are tensors": its sections in teaching order (see meta.ts for the outline). */
import type { ReactElement } from 'react';
import { ChannelsSection } from './ChannelsSection';
import { ExercisesSection } from './ExercisesSection';
import { MnistSection } from './MnistSection';
import { NchwSection } from './NchwSection';
import { OneHotSection } from './OneHotSection';
import { PixelsSection } from './PixelsSection';
import { SplitsSection } from './SplitsSection';

export default function ImagesAreTensors(): ReactElement {
  return (
    <>
      <PixelsSection />
      <ChannelsSection />
      <NchwSection />
      <MnistSection />
      <OneHotSection />
      <SplitsSection />
      <ExercisesSection />
    </>
  );
}
