/** Section 4: the plain and the residual 20-layer net trained side by side in the page. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { PlainVsResidual } from './PlainVsResidual';

export function ExperimentSection(): ReactElement {
  return (
    <Section id="experiment" title="Plain against residual, live">
      <p>
        Here are two networks that differ only in their shortcuts. Each has 20 weight layers: a 3×3 convolution with
        stride 2 and a 2×2 max pool that bring the 28×28 digit down to 16 maps of 7×7, nine blocks of two 3×3
        convolutions with 16 filters, and a dense layer to the ten classes, 49,770 parameters in all. In the residual
        net every block adds its input back before its last ReLU; the plain net does not. Both start from the same
        random weights and train with the same SGD on the same digits in the same order, each in its own worker.
      </p>
      <Figure
        wide
        caption="Both nets’ loss (top), then the gradient norm of each layer’s weights at the latest step, by depth, on a log scale: each tick on the axis is ten times the one below."
      >
        <PlainVsResidual />
      </Figure>
      <Callout tone="tip" title="What to look for">
        Both losses start at <code>ln 10 ≈ 2.3</code>, the loss of an even guess. The residual net’s falls within a few
        dozen steps; the plain net’s stays flat, and it is still guessing after an epoch. The bars say why: the plain
        net’s gradients shrink by orders of magnitude from the dense layer down to the first convolution (each tick is a
        factor of ten), so its early layers hardly move, while every layer of the residual net gets a gradient of about
        the same size.
      </Callout>
      <p>
        Be fair to the plain net: these nets use Xavier initialisation and no batch norm, and Xavier, designed for tanh,
        lets the signal shrink a little at every ReLU layer. With He initialisation this plain net does train (the
        Initialisation lesson shows why), but then the residual net’s sums grow with every block and it blows up
        instead, which is why real ResNets put batch norm in every block. The paper’s result is the stronger one: even
        with He initialisation and batch norm, plain nets got worse from 20 to 56 layers, and residual nets kept getting
        better.
      </p>
    </Section>
  );
}
