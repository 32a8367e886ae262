/** Section 3: the same stepping through convolution, ReLU and max pooling. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { CnnGraph } from './CnnGraph';

export function CnnSection(): ReactElement {
  return (
    <Section id="cnn-chain" title="Backprop through a convolutional chain">
      <p>
        Nothing changes in principle when the nodes hold grids instead of vectors: every entry of a node's output has an
        upstream gradient, and every entry of its input collects the contributions of all the outputs it influenced.
        Here a 5×5 input goes through a 2×2 convolution, a ReLU and a 2×2 max pool; a fixed read-out <em>c</em> turns
        the pooled map into one number so there is something to differentiate.
      </p>
      <Figure
        wide
        caption="The boxes show shapes; the grids under the formula show the numbers of the current step (red negative, blue positive). Step on to the backward pass to see the gradient shrink to a few cells at the pool and the ReLU, then spread out again through the convolution."
      >
        <CnnGraph />
      </Figure>
      <p>The next two sections look at each of the three backward rules on its own.</p>
    </Section>
  );
}
