/** Section 6: a live experiment comparing sigmoid, tanh and ReLU on real digits. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { ActivationRace } from './ActivationRace';

export function RaceSection(): ReactElement {
  return (
    <Section id="experiment" title="Experiment: does the activation change training speed?">
      <p>
        The lecture reports that ReLU networks converge much faster than sigmoid or tanh ones in practice, citing a
        factor of about six. Test it yourself. Below, the same network — 784 pixels, 32 hidden units, 10 class scores —
        is trained three times on the embedded MNIST digits, changing nothing but the hidden activation: same seed, same
        initial-weight recipe, same batches in the same order, plain gradient descent with the same learning rate.
      </p>
      <Figure
        wide
        caption="Training loss (mean cross-entropy over the last 5 batches) against step, one curve per activation, as the engine computes it."
      >
        <ActivationRace />
      </Figure>
      <Callout tone="tip" title="Read it like an experiment">
        Before pressing Start, predict the order the curves will end in. Afterwards, try another learning rate: does the
        gap between the curves stay the same? A single small network on one seed is weak evidence either way; the
        lecture’s factor comes from a deep convolutional network trained for a long time.
      </Callout>
    </Section>
  );
}
