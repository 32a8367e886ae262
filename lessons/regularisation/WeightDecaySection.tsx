/** Section 5: the L2 penalty, its gradient, and why it is called weight decay. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function WeightDecaySection(): ReactElement {
  return (
    <Section id="weight-decay" title="L2 regularisation and weight decay">
      <p>
        Dropout and augmentation change what the network sees. L2 regularisation changes what it is rewarded for: the
        loss gains a penalty on the size of the weights, weighted by a strength <TeX tex="\lambda" />:
      </p>
      <TeX
        block
        tex="L = \frac{1}{N}\sum_{i=1}^{N} L_i + \lambda R(W), \qquad R(W) = \sum_k \sum_l W_{k,l}^2 \quad(\text{L1: } R(W) = \textstyle\sum_k\sum_l |W_{k,l}|)"
      />
      <p>
        Among weights that fit the data equally well, it prefers small, spread-out ones. The lecture's example: for{' '}
        <TeX tex="x = [1, 1, 1, 1]" />, both <TeX tex="W_1 = [1, 0, 0, 0]" /> and{' '}
        <TeX tex="W_2 = [0.25, 0.25, 0.25, 0.25]" /> give <TeX tex="W^T x = 1" />, but <TeX tex="R(W_1) = 1" /> while{' '}
        <TeX tex="R(W_2) = 4 \times 0.25^2 = 0.25" />, so L2 picks <TeX tex="W_2" />, which uses all of the input rather
        than betting on one pixel. Biases are left out: they do not multiply the input, so large ones do not make the
        model more sensitive to it.
      </p>
      <p>
        The penalty's gradient is <TeX tex="2\lambda w" />, so one step of gradient descent with learning rate{' '}
        <TeX tex="\alpha" /> becomes
      </p>
      <TeX
        block
        tex="w \leftarrow w - \alpha\left(\frac{\partial L_{\text{data}}}{\partial w} + 2\lambda w\right) = (1 - 2\alpha\lambda)\,w - \alpha\,\frac{\partial L_{\text{data}}}{\partial w}"
      />
      <p>
        Before each ordinary step every weight shrinks by the factor <TeX tex="1 - 2\alpha\lambda" />: it decays towards
        zero unless the data keeps pushing it out. Hence the name <strong>weight decay</strong>. AlexNet trained with
        weight decay 0.0005 (SGD, momentum 0.9, batch 128); ResNet with 0.0001.
      </p>
      <Callout tone="note" title="Conventions differ by a factor of 2">
        Many frameworks write the penalty as <TeX tex="\tfrac{\lambda}{2}\sum w^2" /> so that its gradient is just{' '}
        <TeX tex="\lambda w" />; ConvLab follows the lecture's <TeX tex="\lambda \sum w^2" />. With Adam the penalty's
        gradient is rescaled per weight like any other gradient, so it is no longer exactly a decay; AdamW applies the
        decay separately for that reason.
      </Callout>
    </Section>
  );
}
