/** Section 2: the activation functions of the lecture, each with its derivative. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ActivationExplorer } from './ActivationExplorer';

export function ZooSection(): ReactElement {
  return (
    <Section id="zoo" title="The activation zoo">
      <p>
        The classic choices squash: the <strong>sigmoid</strong> maps any number into <TeX tex="(0, 1)" /> and{' '}
        <strong>tanh</strong> into <TeX tex="(-1, 1)" />. The <strong>ReLU</strong> simply clips negatives to zero. Its
        relatives differ only in what they do left of zero: <strong>Leaky ReLU</strong> keeps a small fixed slope there,{' '}
        <strong>Parametric ReLU</strong> makes that slope a parameter the network learns, <strong>ELU</strong> bends
        smoothly towards <TeX tex="-\alpha" />, and <strong>softplus</strong> is a smooth ReLU whose slope is the
        sigmoid. <strong>Maxout</strong> takes the largest of several linear functions of the input; with pieces{' '}
        <TeX tex="x" /> and <TeX tex="0" /> it <em>is</em> the ReLU, which is why it is called a generalisation of it.
      </p>
      <Figure
        wide
        caption="Solid: the activation. Dashed: its derivative, the factor the backward pass multiplies by. Both are computed by the engine's activation kernels."
      >
        <ActivationExplorer />
      </Figure>
    </Section>
  );
}
