/** Section 3: the same nets on the way back — vanishing and exploding gradients. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { GradientFlow } from './GradientFlow';

export function GradientsSection(): ReactElement {
  return (
    <Section id="gradients" title="The way back: gradients layer by layer">
      <p>
        Backpropagation runs the same layers in reverse. The gradient reaching layer <TeX tex="k-1" /> is the one
        reaching layer <TeX tex="k" />, multiplied by the local slopes and by the transposed weights:
      </p>
      <TeX
        block
        tex="\frac{\partial L}{\partial a_{k-1}} = W_k^{\top}\Bigl(f'(z_k) \odot \frac{\partial L}{\partial a_k}\Bigr), \qquad \frac{\partial L}{\partial W_k} = \Bigl(f'(z_k) \odot \frac{\partial L}{\partial a_k}\Bigr)\, a_{k-1}^{\top}"
      />
      <p>
        So the gradient meets the same weights, and so the same factor per layer, as the activations did on the way
        forward. The widget puts a random unit-Gaussian gradient on the last layer and lets the engine’s backward
        kernels carry it to the input.
      </p>
      <ul>
        <li>
          <strong>σ = 0.01</strong>: each layer back multiplies the gradient by about 0.224 again, so layer 1 receives a
          millionth of it: the gradient <em>vanishes</em>. The weight gradients are tiny everywhere as well, because{' '}
          <TeX tex="\partial L/\partial W_k" /> is proportional to the activations <TeX tex="a_{k-1}" />, which have
          already collapsed.
        </li>
        <li>
          <strong>σ = 1 with tanh</strong>: a saturated unit’s slope <TeX tex="1 - a^2" /> is almost 0, so most units
          pass nothing back, but the few that are not saturated multiply by weights of size 1 over 500 inputs. Here the
          product is about 3.5 per layer, so the gradient <em>explodes</em> on the way down: layer 1 gets tens of
          thousands of times more than layer 10. Either way the layers learn at wildly different rates.
        </li>
        <li>
          <strong>Xavier with tanh, He with ReLU</strong>: the gradient arrives at layer 1 with about the spread it
          started with.
        </li>
      </ul>
      <Figure caption="Both curves come from the same net: activations measured on the way forward, gradients dL/da on the way back (read that one from right to left).">
        <GradientFlow />
      </Figure>
    </Section>
  );
}
