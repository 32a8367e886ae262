/** Section 3: saturated sigmoid and tanh units pass back almost no gradient. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { SaturationChain } from './SaturationChain';

export function SaturationSection(): ReactElement {
  return (
    <Section id="saturation" title="Saturation kills the gradient">
      <p>
        Move the explorer’s input to <TeX tex="x = 5" /> with the sigmoid selected: the curve is almost flat, and its
        derivative is almost zero. A unit whose input sits far out on either side is <em>saturated</em>. Whatever
        gradient arrives from above is multiplied by that near-zero slope, so the weights feeding the unit hardly move.
      </p>
      <p>Even at its steepest point the sigmoid passes back only a quarter of the gradient:</p>
      <TeX block tex="\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) \le \sigma'(0) = 0.5 \cdot 0.5 = 0.25" />
      <p>
        In a deep stack these factors multiply. The table follows one input through a chain of units and multiplies the
        local derivatives the engine reports at each one. Through ten sigmoid layers the gradient shrinks by at least{' '}
        <TeX tex="0.25^{10} \approx 9.5 \times 10^{-7}" />. tanh is steeper (its slope at 0 is 1) but saturates just the
        same; ReLU’s slope is exactly 1 for every positive input, so it does not saturate on that side.
      </p>
      <Figure caption="Change the depth and the starting input; every factor comes from the engine's backward pass.">
        <SaturationChain />
      </Figure>
      <Callout tone="note" title="Vanishing gradients">
        This shrinking is the <em>vanishing gradient</em> problem: the early layers of a deep sigmoid network learn far
        more slowly than the late ones.
      </Callout>
    </Section>
  );
}
