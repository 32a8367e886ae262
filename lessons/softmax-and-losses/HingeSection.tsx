/** Section 3: the multiclass SVM loss on the lecture's three worked examples. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { HingeExplorer } from './HingeExplorer';

export function HingeSection(): ReactElement {
  return (
    <Section id="hinge" title="The multiclass SVM (hinge) loss">
      <p>
        The other classic loss does not use probabilities at all. It asks that the true class’s score beat every other
        score by a margin of at least 1, and charges for each class that falls short, in proportion to the shortfall:
      </p>
      <TeX block tex="L_i = \sum_{j \ne y_i} \max\bigl(0,\ s_j - s_{y_i} + 1\bigr)" />
      <p>
        The lecture scores three images with a linear classifier. The dog image’s true score 3.2 is beaten by the cat
        score 5.1, costing 2.9; the cat image clears both margins and costs 0; the cow image’s true score −3.1 is far
        below both others, costing 12.9. Edit any score and the breakdown follows.
      </p>
      <Figure wide caption="Each term of each image's loss, computed by the engine's multiclassHinge.">
        <HingeExplorer />
      </Figure>
    </Section>
  );
}
