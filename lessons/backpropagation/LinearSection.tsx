/** Section 2: the lecture's dL/dW = (SM(z) − y)xᵀ for a linear classifier, with numbers. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { LinearGradient } from './LinearGradient';

export function LinearSection(): ReactElement {
  return (
    <Section id="linear" title="The gradient of a linear classifier">
      <p>
        The lecture builds a classifier from one matrix: scores <TeX tex="z = Wx" />, probabilities{' '}
        <TeX tex="\hat y = \mathrm{SM}(z)" />, and the cross-entropy loss <TeX tex="L = -\log p_c" /> of the true class{' '}
        <TeX tex="c" />. To train it we need <TeX tex="dL/dW" />, and the chain rule splits it in two:
      </p>
      <TeX
        block
        tex="\frac{dL}{dW} = \frac{dL}{dz}\,\frac{dz}{dW}, \qquad \frac{dL}{dz} = \mathrm{SM}(z) - y, \qquad \frac{dL}{dW} = (\mathrm{SM}(z) - y)\,x^{\top}"
      />
      <p>
        Softmax and cross-entropy together have a remarkably simple gradient on the scores: predicted probabilities
        minus the one-hot label. Each row of <TeX tex="dL/dW" /> is then the input <TeX tex="x" /> scaled by that
        class's error. The true class's row is pushed towards <TeX tex="x" /> (its error is negative, and the update
        subtracts the gradient); every other row is pushed away in proportion to the probability it wrongly claimed.
      </p>
      <Figure
        wide
        caption="The input is the lecture's [1 2 4 0]; the weights are illustrative. Every number comes from the engine's forward and backward pass. Change the true class and watch which row turns negative."
      >
        <LinearGradient />
      </Figure>
      <p>
        The last column of <TeX tex="dL/dW" /> is all zeros because the last pixel is 0: a weight that multiplied
        nothing could not have changed the loss.
      </p>
    </Section>
  );
}
