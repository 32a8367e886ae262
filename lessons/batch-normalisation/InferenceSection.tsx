/** Section 4: running averages during training, and why evaluation uses them instead of the batch. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { RunningAverages } from './RunningAverages';

export function InferenceSection(): ReactElement {
  return (
    <Section id="inference" title="Training versus inference">
      <p>
        During training the output for one example depends on the rest of its batch, through μ and σ². That is harmless,
        even slightly helpful as noise, while training, but a trained network should give one answer for one image,
        whether it arrives alone or with 63 others.
      </p>
      <p>
        So every batch-norm layer also keeps a <strong>running mean</strong> and a <strong>running variance</strong> per
        channel. They are not learned by gradient descent; each training batch nudges them towards its own statistics,
        PyTorch-style with momentum 0.1:
      </p>
      <TeX
        block
        tex={String.raw`\begin{aligned} \text{running mean} &\leftarrow (1 - 0.1)\cdot\text{running mean} + 0.1\cdot\mu_{\mathcal{B}} \\ \text{running var} &\leftarrow (1 - 0.1)\cdot\text{running var} + 0.1\cdot\tfrac{m}{m-1}\,\sigma^2_{\mathcal{B}} \end{aligned}`}
      />
      <p>
        They start at 0 and 1. The variance that goes into the average is the unbiased one (divided by m − 1), because
        here it <em>estimates</em> the variance of all the data. In evaluation mode the layer normalises with these
        fixed values instead of the batch's, so it becomes a plain per-channel affine map:
      </p>
      <TeX
        block
        tex={String.raw`y = \gamma\,\frac{x - \text{running mean}}{\sqrt{\text{running var} + \epsilon}} + \beta`}
      />
      <Figure
        wide
        caption="Each batch holds 8 values drawn from a population with mean 5 and variance 4. Feed batches and watch the running statistics close in on the population's; then compare one input's output in the two modes."
      >
        <RunningAverages />
      </Figure>
      <Callout tone="warning" title="A classic bug">
        Forgetting to switch a network to evaluation mode (<code>model.eval()</code> in PyTorch) makes its predictions
        depend on whatever else is in the batch, and a single image normalised against itself gives x̂ = 0 everywhere.
        ConvLab's trainer switches modes for you: training steps use batch statistics, validation and the test set use
        the running ones.
      </Callout>
    </Section>
  );
}
