/** Section 1: the softmax turns scores into a probability for each class. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { SoftmaxExplorer } from './SoftmaxExplorer';

export function SoftmaxSection(): ReactElement {
  return (
    <Section id="softmax" title="From scores to probabilities">
      <p>
        A linear classifier’s scores <TeX tex="s = f(x; W)" /> can be any real numbers. To read them as the model’s
        belief in each class we need numbers between 0 and 1 that add up to 1. The <strong>softmax</strong> does this:
        exponentiate each score (making it positive) and divide by the total.
      </p>
      <TeX block tex="P(y = k \mid x) = \mathrm{softmax}(s)_k = \frac{e^{s_k / T}}{\sum_j e^{s_j / T}}" />
      <p>
        The scores are treated as unnormalised log-probabilities. The largest score always gets the largest probability,
        but how much larger depends on the gaps. The <em>temperature</em> <TeX tex="T" /> (1 in the plain softmax)
        divides every score first: a low temperature exaggerates the gaps until the winner takes nearly everything, a
        high one flattens the distribution towards uniform.
      </p>
      <Figure
        wide
        caption="The lecture's dog-image scores (3.2, 5.1, −1.7) by default. Edit a score or move the temperature; the engine's softmax recomputes the bars."
      >
        <SoftmaxExplorer />
      </Figure>
    </Section>
  );
}
