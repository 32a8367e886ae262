/** Section 5: a real CNN trained on MNIST in the page, with a live loss curve. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { LiveTraining } from './LiveTraining';

export function TrainingSection(): ReactElement {
  return (
    <Section id="training" title="Your first CNN, trained live">
      <p>
        Now the whole loop for real. The network is the lecture's MNIST CNN: two stages of a 5×5 convolution with ten
        filters, ReLU and 2×2 max pooling, then a dense layer of 100 and a dense layer of 10, 19,880 weights and biases
        in all, starting from random values. Every iteration samples 32 digits, runs them forward, backpropagates the
        cross-entropy loss through every layer you have met, and updates all the weights. It runs on your computer's
        processor, in this tab.
      </p>
      <Figure
        wide
        caption="The loss of each mini-batch (light) is noisy because each batch is different; the running mean (dark) shows the trend. Start with SGD, then Reset and compare the other optimisers."
      >
        <LiveTraining />
      </Figure>
      <Callout tone="tip" title="What to look for">
        The loss starts near <code>ln 10 ≈ 2.3</code>, the loss of a guess spread evenly over ten classes, and falls
        fast in the first hundred iterations. Held-out accuracy after one epoch is typically above 85%: the network has
        learned from 4,000 digits to read digits it has never seen.
      </Callout>
    </Section>
  );
}
