/** The body of "Neurons and the fully connected layer": its sections in teaching order (see meta.ts). */
import type { ReactElement } from 'react';
import { ExercisesSection } from './ExercisesSection';
import { LayerSection } from './LayerSection';
import { LinearSection } from './LinearSection';
import { NeuronSection } from './NeuronSection';
import './dense.css';

export default function NeuronsAndDenseLayers(): ReactElement {
  return (
    <>
      <NeuronSection />
      <LayerSection />
      <LinearSection />
      <ExercisesSection />
    </>
  );
}
