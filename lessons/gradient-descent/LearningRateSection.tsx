/** Section 2: gradient descent on a 2-D loss surface, with the learning rate as the dial. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { DescentExplorer } from './DescentExplorer';

export function LearningRateSection(): ReactElement {
  return (
    <Section id="learning-rate" title="The learning rate">
      <p>
        A real network's loss depends on millions of weights, which no one can draw. With two weights we can: the loss
        becomes a landscape over the plane, drawn with contour lines like a map, and each update is a hop across it.
        Here the landscape is a long narrow valley,
      </p>
      <TeX block tex="L(w_1, w_2) = \tfrac12\left(w_1^2 + 10\, w_2^2\right), \qquad \nabla L = (w_1,\ 10\,w_2)" />
      <p>
        steep across (along <TeX tex="w_2" />) and nearly flat along its floor (along <TeX tex="w_1" />
        ), which is how real loss surfaces tend to look. Each update multiplies <TeX tex="w_1" /> by{' '}
        <TeX tex="1-\alpha" /> and <TeX tex="w_2" /> by <TeX tex="1-10\alpha" />. Try the three presets, then the
        slider.
      </p>
      <Figure
        wide
        caption="Contours of the loss (darker is higher; the ring marks the minimum). Each dot is one update of the engine's SGD optimiser. Focus the plot area and use ← → to step."
      >
        <DescentExplorer />
      </Figure>
      <p>
        Too small a rate wastes time; too large a rate overshoots the steep direction, further each time, and the loss
        explodes. The largest safe rate is set by the steepest direction, and with it the flat direction is slow. That
        tension is what the optimisers in the next section ease.
      </p>
    </Section>
  );
}
