/** Section 3: momentum and Adam compared with plain SGD on the same surface. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { OptimizerCompare } from './OptimizerCompare';

export function OptimizersSection(): ReactElement {
  return (
    <Section id="optimizers" title="Momentum and Adam">
      <p>
        <strong>Momentum</strong> gives the weights a velocity. Each gradient nudges the velocity rather than the
        position, so steps that keep pointing the same way (along the valley floor) add up, while steps that flip sign
        (across the valley) cancel:
      </p>
      <TeX block tex="v \leftarrow \mu\, v - \alpha\, g, \qquad w \leftarrow w + v \qquad (\mu \approx 0.9)" />
      <p>
        <strong>Adam</strong> also keeps a running mean of the squared gradient, per weight, and divides by its square
        root. A direction with large gradients gets a smaller step and a flat direction a larger one, so every weight
        moves at a similar pace, roughly <TeX tex="\alpha" /> per step:
      </p>
      <TeX
        block
        tex="m \leftarrow \beta_1 m + (1-\beta_1)\,g,\quad s \leftarrow \beta_2 s + (1-\beta_2)\,g^2,\quad w \leftarrow w - \alpha\,\frac{\hat m}{\sqrt{\hat s} + \epsilon}"
      />
      <p>
        (<TeX tex="\hat m, \hat s" /> are <TeX tex="m, s" /> divided by <TeX tex="1-\beta^t" /> to undo their start at
        zero.) Below, the three run from the same point. The update rules are the engine's own optimisers, the ones the
        training studio uses.
      </p>
      <Figure
        wide
        caption="Each optimiser has its own learning rate: their useful ranges differ. Try a momentum α of 0.1, or an Adam α of 1."
      >
        <OptimizerCompare />
      </Figure>
    </Section>
  );
}
