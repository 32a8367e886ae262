/** Section 4: why a tiny step works: linearity in high dimensions. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function LinearitySection(): ReactElement {
  return (
    <Section id="why" title="Why it works: linearity in many dimensions">
      <p>
        Goodfellow and colleagues argued that the cause is not the net being too nonlinear but too linear. Take one
        linear unit, <TeX tex="w^\top x" />, and add a perturbation <TeX tex="\eta" /> with{' '}
        <TeX tex="\lVert \eta \rVert_\infty \le \varepsilon" /> (no component bigger than ε). Its output changes by{' '}
        <TeX tex="w^\top \eta" />, and the largest change is reached by{' '}
        <TeX tex="\eta = \varepsilon\,\operatorname{sign}(w)" />:
      </p>
      <TeX block tex="w^\top (x + \eta) = w^\top x + w^\top \eta" />
      <TeX
        block
        tex="\max_{\lVert\eta\rVert_\infty\le\varepsilon} w^\top\eta = \varepsilon \sum_i |w_i| = \varepsilon \lVert w \rVert_1"
      />
      <p>
        If the weights have average magnitude <TeX tex="m" /> and there are <TeX tex="n" /> inputs, that is{' '}
        <TeX tex="\varepsilon\, m\, n" />. The change per pixel does not grow with <TeX tex="n" />, but the change in
        the output grows linearly with it: many tiny changes, each aligned with its weight, add up. An MNIST image has
        784 pixels, an ImageNet image 150,528, so a perturbation far below what the eye notices can move a score by a
        lot.
      </p>
      <p>
        A ReLU net is piecewise linear: near a given image it behaves like one linear function of the pixels, and
        training does little to make it less so (linear pieces are what make it easy to optimise). FGSM is exactly the
        step that exploits this: <TeX tex="\operatorname{sign}(\nabla_x L)" /> is the{' '}
        <TeX tex="\operatorname{sign}(w)" /> of the net’s local linear approximation. The same argument explains why
        adversarial images often fool other nets trained on the same data, and why training on adversarial examples
        (adversarial training) helps.
      </p>
    </Section>
  );
}
