/** Section 2: the residual reformulation H(x) = F(x) + x, identity and projection shortcuts. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { BlockDiagram } from './BlockDiagram';

export function ResidualSection(): ReactElement {
  return (
    <Section id="residual" title="Learn the residual">
      <p>
        Call the mapping a few stacked layers ought to compute <TeX tex="\mathcal{H}(x)" />. Instead of asking the
        layers for <TeX tex="\mathcal{H}" /> itself, ResNet asks them for the difference from their input, the{' '}
        <strong>residual</strong>
      </p>
      <TeX block tex="\mathcal{F}(x) := \mathcal{H}(x) - x," />
      <p>and adds the input back on at the end, through a shortcut connection that skips the layers:</p>
      <TeX block tex="y = \mathcal{F}(x, \{W_i\}) + x, \qquad \mathcal{F} = W_2\,\sigma(W_1 x)" />
      <p>
        Here <TeX tex="\sigma" /> is ReLU, and a second ReLU comes after the addition. If the best thing a block can do
        is pass its input on unchanged, the layers only have to push <TeX tex="\mathcal{F}" /> to zero, which is easy
        (weights towards zero); a plain stack would have to learn an identity out of convolutions and ReLUs. The
        shortcut is just the input itself: it adds no parameters and no computation beyond one addition per number.
      </p>
      <Figure caption="A basic residual block: two 3×3 convolutions with a ReLU between them make F(x); the identity shortcut carries x round them to the addition, and a ReLU follows the sum.">
        <BlockDiagram
          layers={['3×3 conv, 64', '3×3 conv, 64']}
          depth="64-d"
          label="Basic residual block: x goes through a 3×3 convolution, ReLU, and another 3×3 convolution to give F(x); a shortcut carries x to an addition, F(x) + x, followed by ReLU."
        />
      </Figure>
      <h3>When the shapes differ: a projection</h3>
      <p>
        The addition is element by element, channel by channel, so <TeX tex="\mathcal{F}(x)" /> and <TeX tex="x" /> must
        have the same shape. Where a block halves the map or changes the number of channels, the shortcut is transformed
        by a linear projection <TeX tex="W_s" />:
      </p>
      <TeX block tex="y = \mathcal{F}(x, \{W_i\}) + W_s x." />
      <p>
        In a CNN <TeX tex="W_s" /> is a 1×1 convolution (with stride 2 when the map halves); the other option the
        lecture lists is to pad the extra channels with zeros. The paper found identity shortcuts enough to cure
        degradation, and cheaper, so <TeX tex="W_s" /> is used only where the dimensions have to match. The “ResNet:
        residual blocks” section of the Architectures lesson lets you build such blocks and see when the engine demands
        the projection.
      </p>
      <Callout tone="warning" title="One layer is not enough">
        <TeX tex="\mathcal{F}" /> should have two or three layers. With a single layer the block is{' '}
        <TeX tex="y = W_1 x + x = (W_1 + I)\,x" />, still one linear map, and the paper saw no benefit from it.
      </Callout>
    </Section>
  );
}
