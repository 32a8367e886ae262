/** Section 6: checking an analytic gradient against a central difference. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { GradCheck } from './GradCheck';

export function GradCheckSection(): ReactElement {
  return (
    <Section id="grad-check" title="Checking a gradient numerically">
      <p>
        Backward code is easy to get subtly wrong, and a wrong gradient often still trains, just badly. The check is the
        definition of the derivative: nudge one weight up and down by a small <TeX tex="h" />, run the forward pass
        twice, and compare the slope with what backprop says.
      </p>
      <TeX
        block
        tex="\frac{\partial L}{\partial w} \approx \frac{L(w+h) - L(w-h)}{2h}, \qquad \text{relative error} = \frac{|g_{\text{analytic}} - g_{\text{numerical}}|}{\max(|g_{\text{analytic}}|,\ |g_{\text{numerical}}|)}"
      />
      <p>
        The centred difference is accurate to order <TeX tex="h^2" />, far better than the one-sided{' '}
        <TeX tex="(L(w+h) - L(w))/h" />. Try the slider: with a large <TeX tex="h" /> the curvature of the loss spoils
        the estimate; with a tiny one, the engine's 32-bit floats cannot represent <TeX tex="w \pm h" /> exactly and
        rounding takes over. In between, the two gradients agree to many digits.
      </p>
      <Figure caption="The tiny network from the first section. Analytic: the engine's backward pass. Numerical: two forward passes of the engine.">
        <GradCheck />
      </Figure>
      <Callout tone="tip" title="How the engine is tested">
        ConvLab's own test suite does exactly this for every layer: a finite-difference check of each backward kernel,
        computed in 64-bit floats so that a small <TeX tex="h" /> can be used.
      </Callout>
    </Section>
  );
}
