/** Section 2: cross-entropy, the negative log-probability of the true class. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { CrossEntropyPlot } from './CrossEntropyPlot';

export function CrossEntropySection(): ReactElement {
  return (
    <Section id="cross-entropy" title="Cross-entropy: −log of the right answer">
      <p>
        Training wants the true class <TeX tex="c" /> to get a high probability <TeX tex="p_c" />. Maximising the
        likelihood of the labels is the same as minimising the negative log-likelihood, which gives the cross-entropy
        loss for one example:
      </p>
      <TeX block tex="L = -\log p_c = -\log \frac{e^{s_c}}{\sum_j e^{s_j}}" />
      <p>
        A confident correct answer costs almost nothing, a hesitant one costs more, and a confident wrong one costs a
        great deal: <TeX tex="p_c = 0.9" /> gives <TeX tex="L \approx 0.1" />, <TeX tex="p_c = 0.1" /> gives{' '}
        <TeX tex="L \approx 2.3" />, and as <TeX tex="p_c \to 0" /> the loss grows without bound.
      </p>
      <Figure wide caption="The loss against the probability of the true class. Drag the marker or use the arrow keys.">
        <CrossEntropyPlot />
      </Figure>
    </Section>
  );
}
