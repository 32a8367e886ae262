/** Section 7: activation maximisation with L2 and total-variation priors. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { AscentView } from './AscentView';

export function AscentSection(): ReactElement {
  return (
    <Section id="ascent" title="The image a class likes best">
      <p>
        Instead of asking which real image scores highest, ask which <em>possible</em> image does. Keep the weights
        fixed and run gradient ascent on the pixels (Simonyan et al., 2014):
      </p>
      <TeX block tex="I^* = \arg\max_I \; S_c(I) - \lambda \|I\|_2^2" />
      <p>
        <TeX tex="S_c" /> is again the score before softmax: maximising the probability could be done by pushing the
        other classes down, which is not what we want to see. Without the penalty the score grows without bound as the
        pixels grow; the L2 prior keeps the image small, so only the pixels that pay their way survive.
      </p>
      <p>
        The pictures that come out are still full of high-frequency speckle that no digit has. A stronger prior for
        “looks like an image” is <em>total variation</em> (Mahendran and Vedaldi, 2015), which charges for every jump
        between neighbours:
      </p>
      <TeX block tex="R_{TV}(I) = \sum_{i,j} \Big( (I_{i+1,j} - I_{i,j})^2 + (I_{i,j+1} - I_{i,j})^2 \Big)^{\beta/2}" />
      <p>
        Here <TeX tex="\beta = 2" />, and the objective is <TeX tex="S_c(I) - \lambda\|I\|^2 - \mu R_{TV}(I)" />. Two
        more tricks from the visualisation papers are switches below: <em>jitter</em> shifts the image by a random pixel
        before each gradient, so no single pixel grid is favoured, and <em>blur</em> smooths the image every few steps.
        Each chunk of ten steps is computed in the worker; the pixels stay in [0, 1], the range the net was trained on.
      </p>
      <Figure
        wide
        caption="Gradient ascent on the pixels from a grey image. The chart is the class score at every step; the row below keeps the latest picture for each class."
      >
        <AscentView />
      </Figure>
      <Callout tone="tip" title="Try">
        Set λ and μ to 0 and climb: the score rises fastest, and the picture is speckle pushed to black and white. Raise
        μ: the score rises more slowly, and smoother strokes appear. On a net this small the result is rarely a clean
        digit; look instead for the strokes the class relies on, such as the horizontal arms of a 3, and compare them
        with what the top-9 view and the CAM said about the same class.
      </Callout>
    </Section>
  );
}
