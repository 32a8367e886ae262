/** Section 4: ReLU units that never fire again, and the variants designed to avoid it. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { DyingRelu } from './DyingRelu';

export function DyingSection(): ReactElement {
  return (
    <Section id="dying-relu" title="Dying ReLU">
      <p>
        ReLU’s flat half has slope exactly zero. If a large update pushes a unit’s bias so far down that its input{' '}
        <TeX tex="z = w^\top x + b" /> is negative for every training image, the unit outputs 0 everywhere, its gradient
        is 0 everywhere, and no later update can revive it. The unit is <em>dead</em>.
      </p>
      <Figure caption="400 inputs to one ReLU unit. Lower the bias and watch the share that passes back zero gradient grow.">
        <DyingRelu />
      </Figure>
      <p>
        The variants in the zoo exist largely to keep some gradient on the left: Leaky ReLU with a fixed small slope
        (such as <TeX tex="\max(0.1x, x)" />
        ), Parametric ReLU with a learned one, ELU and softplus with a smooth curve. None of them is ever exactly flat
        for negative inputs, so a unit can always recover.
      </p>
    </Section>
  );
}
