/** Section 5: the same deep network trained with and without batch norm, live, side by side. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { BatchNormRace } from './BatchNormRace';

export function RaceSection(): ReactElement {
  return (
    <Section id="race" title="With and without, trained live">
      <p>
        Now the real thing. Both networks below have seven 3×3 convolutions with ReLU (8, 8, 8, 8, 16, 16 and 16
        filters, with two 2×2 max pools), then a dense layer of 10 outputs. The second puts a batch-norm layer between
        every convolution and its ReLU. Both start from the same seed, see the same 2,000 MNIST digits in the same order
        for two epochs, and use plain SGD with the same learning rate. Each trains in its own background worker.
      </p>
      <Figure
        wide
        caption="Training loss of both networks (each point the mean over 3 iterations), and held-out accuracy after each epoch. Try α = 0.1 first, then Reset, pick α = 0.3 and run again."
      >
        <BatchNormRace />
      </Figure>
      <Callout tone="tip" title="What to look for">
        At α = 0.1 both networks learn, but the one with batch norm learns faster and more steadily; in our runs it held
        out 89% then 92% after the two epochs, while the plain network reached 85% and then slipped back to 73%. At α =
        0.3 the plain network's loss stays stuck near ln 10 ≈ 2.3, the loss of guessing (8% correct), while the
        batch-norm network still trains, to about 89%: normalising each layer keeps the signal in a range where a larger
        step does not wreck it.
      </Callout>
    </Section>
  );
}
