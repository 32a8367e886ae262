/** Section 4: epoch, batch size and iteration, with the lecture's 55,000 / 1,000 example. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { EpochCalculator } from './EpochCalculator';

export function EpochsSection(): ReactElement {
  return (
    <Section id="epochs" title="Epochs, batches and iterations">
      <p>Three words count the loop:</p>
      <ul>
        <li>
          the <strong>batch size</strong> is how many training examples go through one forward and backward pass;
        </li>
        <li>
          an <strong>iteration</strong> is one such pass, followed by one update of the weights;
        </li>
        <li>
          an <strong>epoch</strong> is enough iterations to have used every training example once.
        </li>
      </ul>
      <p>
        The lecture's example: 55,000 training images in batches of 1,000 take 55 iterations per epoch. When the batch
        size does not divide the data evenly, the last batch of the epoch is simply smaller, so the count rounds up.
      </p>
      <Figure caption="Change N and B; the count is the same ceiling the engine's trainer uses for its steps per epoch.">
        <EpochCalculator />
      </Figure>
    </Section>
  );
}
