/** Section 2: the lecture's 10-layer, 500-unit experiment, live. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { InitExperiment } from './InitExperiment';

export function ExperimentSection(): ReactElement {
  return (
    <Section id="experiment" title="The experiment: ten layers of 500 units">
      <p>
        The lecture runs one experiment four ways. Take a net of 10 fully connected layers, 500 units each, no biases,
        and feed it random data: here a batch of 256 vectors of 500 numbers drawn from a unit Gaussian. Draw every
        weight from <TeX tex="\mathcal{N}(0, \sigma^2)" />, then look at the histogram of each layer’s activations.
      </p>
      <ul>
        <li>
          <strong>σ = 0.01</strong> (“small random numbers”, <code>0.01 * randn</code>) with tanh: layer 1 is already
          narrower than the input, and each layer narrows it again. By layer 10 every activation is practically 0.
        </li>
        <li>
          <strong>σ = 1</strong> with tanh: each unit sums 500 inputs with weights of size 1, its input is in the tens,
          and tanh answers almost always −1 or +1. The units are saturated.
        </li>
        <li>
          <strong>Xavier</strong>, <TeX tex="\sigma = 1/\sqrt{n_{in}}" />, with tanh: the spread shrinks only gently and
          every layer keeps a healthy histogram.
        </li>
        <li>
          <strong>Xavier with ReLU</strong>: the spread dies again, by half in mean square at every layer. ReLU needs{' '}
          <strong>He</strong>, <TeX tex="\sigma = \sqrt{2/n_{in}}" />.
        </li>
      </ul>
      <p>
        The lecture also shows a 20-layer net with leaky ReLU units: choose 20 layers and Leaky ReLU to see it. Pick a
        setting, say what you expect, then reveal. The engine recomputes every layer in a background worker; change the
        seed to check that what you see is not luck.
      </p>
      <Figure
        wide
        caption="Each histogram is one layer's activations over the whole batch, all on the same x-range (for ReLU-like units: the positive values; the share at or below zero is written under each). The chart below puts every layer's standard deviation on a log scale."
      >
        <InitExperiment />
      </Figure>
      <Callout tone="tip" title="Read the chart as a rate">
        On a log scale a signal that is multiplied by the same factor at every layer is a straight line. With σ = 0.01
        and 500 units the factor is <TeX tex="0.01\sqrt{500} \approx 0.224" />, so ten layers give{' '}
        <TeX tex="0.224^{10} \approx 3 \times 10^{-7}" />.
      </Callout>
    </Section>
  );
}
