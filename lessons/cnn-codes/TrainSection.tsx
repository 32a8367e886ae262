/** Section 2: train the small net whose codes the rest of the lesson looks at. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { TrainPanel } from './TrainPanel';
import { CODE_UNITS, TRAIN_IMAGES } from './trainSetup';

export function TrainSection({ controls }: { readonly controls: WorkerRunControls }): ReactElement {
  return (
    <Section id="train" title="Train a small net">
      <p>
        The net: two 3×3 convolutions with 8 and 16 filters, each followed by a 2×2 max pool (28 → 14 → 7 pixels), a
        dense layer of {CODE_UNITS} ReLU units, which gives the code, and a dense layer to the ten digits: 26,698
        parameters. It trains for two epochs on {TRAIN_IMAGES.toLocaleString('en-US')} digits with Adam, in a Web
        Worker, and is checked on 2,000 others after each epoch. You can also read the codes before training, or after
        pausing half-way, and compare the maps.
      </p>
      <TrainPanel controls={controls} testId="codes-train" />
    </Section>
  );
}
