/** Section 5: max pooling routes gradients through its switches; ReLU gates them. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { PoolRouting } from './PoolRouting';
import { ReluGate } from './ReluGate';

export function GatesSection(): ReactElement {
  return (
    <Section id="gates" title="Pooling routes, ReLU gates">
      <p>
        A max-pool output equals one of its inputs, the largest; the other inputs could move a little without changing
        it. So the local gradient is 1 for the winner and 0 for the rest, and backward needs to know which input won.
        That is why the lecture says a pooling layer must save the <em>switch</em> (the position of each maximum) on the
        forward pass.
      </p>
      <Figure
        wide
        caption="Hover or focus a cell of ∂L/∂y: the switch it uses is outlined in x and in ∂L/∂x. Three of every four input gradients are 0."
      >
        <PoolRouting />
      </Figure>
      <p>
        ReLU is the same idea one element at a time. Its output is <TeX tex="z" /> where <TeX tex="z > 0" /> and 0
        otherwise, so its local gradient is the indicator <TeX tex="[z > 0]" />: the upstream gradient passes unchanged
        through the open gates and stops at the shut ones.
      </p>
      <TeX block tex="\frac{\partial L}{\partial z} = \frac{\partial L}{\partial\,\mathrm{ReLU}(z)} \odot [z > 0]" />
      <Figure
        wide
        caption="The engine's ReLU backward on a 4×4 grid. Wherever z ≤ 0, the gradient is 0 whatever arrived."
      >
        <ReluGate />
      </Figure>
    </Section>
  );
}
