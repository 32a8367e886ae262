/** Section 4: zero loss does not pin W down, and regularisation chooses among the candidates. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { RegularizationDemo } from './RegularizationDemo';
import { ScaleDemo } from './ScaleDemo';

export function RegularizationSection(): ReactElement {
  return (
    <Section id="regularization" title="Many W fit: regularisation picks one">
      <p>
        Suppose training finds a <TeX tex="W" /> with zero hinge loss. Is it the only one? No: doubling <TeX tex="W" />{' '}
        doubles every score, which only widens the margins. On the cat image the scores 1.3, 4.9, 2.0 become 2.6, 9.8,
        4.0 and the loss stays 0.
      </p>
      <Figure caption="The cat image's scores with W scaled by c. Find the smallest c that still gives zero loss.">
        <ScaleDemo />
      </Figure>
      <p>To express a preference among equally good fits, add a penalty on the weights to the data loss:</p>
      <TeX
        block
        tex="L = \frac{1}{N}\sum_i L_i + \lambda R(W),\qquad R_{L2}(W) = \sum_{k,l} W_{k,l}^2,\quad R_{L1}(W) = \sum_{k,l} |W_{k,l}|"
      />
      <p>
        The lecture’s example: with <TeX tex="x = [1, 1, 1, 1]" />, both <TeX tex="W_1 = [1, 0, 0, 0]" /> and{' '}
        <TeX tex="W_2 = [0.25, 0.25, 0.25, 0.25]" /> score <TeX tex="W^\top x = 1" />, so the data loss cannot tell them
        apart. L2 prefers <TeX tex="W_2" />, which spreads the weight over all inputs; L1 charges both the same here,
        and in general favours weights with many exact zeros.
      </p>
      <Figure caption="Scores from the engine's dense layer; penalties from its l1Penalty and l2Penalty.">
        <RegularizationDemo />
      </Figure>
      <Callout tone="tip" title="λ is a hyperparameter">
        λ trades fitting the training data against keeping the weights small; it is chosen on the validation set, not
        the training set.
      </Callout>
    </Section>
  );
}
