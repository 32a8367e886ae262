/** Section 3: the chain rule through an identity shortcut, plain products against residual sums. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function GradientSection(): ReactElement {
  return (
    <Section id="gradient" title="Why the gradient gets through">
      <p>
        Backpropagation through a block <TeX tex="\mathcal{H}(x) = \mathcal{F}(x) + x" /> is one line of the chain rule.
        The addition gate copies the gradient to both of its inputs, so
      </p>
      <TeX
        block
        tex="\frac{\partial L}{\partial x} = \frac{\partial L}{\partial \mathcal{H}}\,\frac{\partial \mathcal{H}}{\partial x} = \frac{\partial L}{\partial \mathcal{H}}\left(1 + \frac{\partial \mathcal{F}}{\partial x}\right)."
      />
      <p>
        The <TeX tex="1" /> is the shortcut: whatever the layers inside <TeX tex="\mathcal{F}" /> do, the gradient from
        above arrives at <TeX tex="x" /> in full, and <TeX tex="\mathcal{F}" />
        ’s contribution is added to it. In a plain layer <TeX tex="y = f(x)" /> there is only the second term, and
        through a stack of plain layers the gradient is a product of one factor per layer:
      </p>
      <TeX
        block
        tex="\text{plain:}\quad \frac{\partial L}{\partial x_l} = \frac{\partial L}{\partial x_L}\prod_{i=l}^{L-1}\frac{\partial f_i}{\partial x_i}"
      />
      <p>
        Twenty factors a little under one make a very small number, and the first layers barely learn. Stack residual
        blocks instead, leaving out the ReLU after each addition as the follow-up paper on identity mappings does, and
        the output of block <TeX tex="L" /> is the input of block <TeX tex="l" /> plus a sum of residuals:
      </p>
      <TeX
        block
        tex="x_L = x_l + \sum_{i=l}^{L-1}\mathcal{F}_i(x_i) \quad\Longrightarrow\quad \frac{\partial L}{\partial x_l} = \frac{\partial L}{\partial x_L}\left(1 + \frac{\partial}{\partial x_l}\sum_{i=l}^{L-1}\mathcal{F}_i(x_i)\right)"
      />
      <p>
        The loss’s gradient at the top reaches every block directly, through the chain of shortcuts, with no product of
        small factors in the way. Deep residual nets are still trained by the same gradient descent; they just give it a
        landscape where depth does not choke the signal.
      </p>
      <Callout tone="tip" title="The same picture forwards">
        Shortcuts carry activations forwards just as they carry gradients backwards: if the convolutions of a block
        output little, the block passes its input on almost unchanged. A freshly initialised residual net starts close
        to a shallow net, and grows into its depth as its residuals learn.
      </Callout>
    </Section>
  );
}
