/** Section 2: train the net to attack (the same small net as "CNN codes"). */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { TrainPanel } from '../cnn-codes/TrainPanel';

export function TrainSection({ controls }: { readonly controls: WorkerRunControls }): ReactElement {
  return (
    <Section id="train" title="Train the net to fool">
      <p>
        The victim is the small net of the previous lesson: two 3×3 convolutions with max pooling, a 32-unit dense layer
        and a dense layer to the ten digits, trained for two epochs on 3,000 digits in a Web Worker. Train it first: an
        untrained net is fooled by anything, which proves nothing.
      </p>
      <TrainPanel controls={controls} testId="fooling-train" />
    </Section>
  );
}
