/** Section 1: one artificial neuron and the perceptron. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function NeuronSection(): ReactElement {
  return (
    <Section id="neuron" title="One neuron">
      <p>
        An artificial neuron takes a list of numbers <TeX tex="x_1, \dots, x_n" />, weighs each by how much it cares
        about it, adds them up with a bias <TeX tex="b" /> that shifts the threshold, and passes the sum through an
        activation <TeX tex="g" />:
      </p>
      <TeX block tex="a = g\Bigl(\sum_{i=1}^{n} w_i x_i + b\Bigr) = g(w^\top x + b)" />
      <p>
        The <strong>perceptron</strong> is the oldest version: <TeX tex="g" /> is a step that outputs 1 when the sum is
        positive and 0 otherwise, so the neuron answers yes or no on one side or the other of the hyperplane{' '}
        <TeX tex="w^\top x + b = 0" />. Modern networks swap the step for a function with a useful slope, such as ReLU,
        so gradients can flow through it; everything else stays.
      </p>
      <Callout tone="tip" title="Weights are what is learned">
        The inputs come from the data and the activation is fixed by the designer. Training only ever changes{' '}
        <TeX tex="w" /> and <TeX tex="b" />.
      </Callout>
    </Section>
  );
}
