/** Section 1: the sliding window, with the lecture's 3x3 input and 2x2 kernel as the default. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { SlidingWindow } from './SlidingWindow';

export function SlidingSection(): ReactElement {
  return (
    <Section id="sliding" title="A window that slides">
      <p>
        A convolution layer looks at an image through a small window, the <em>kernel</em> (also called a filter): a grid
        of weights, typically 3×3. Place the kernel over a patch of the image, multiply every weight by the pixel
        beneath it, and add the products up. That sum is one number of the output. Then move the window one pixel to the
        right and do it again; at the end of a row, go back to the left edge one row down. The numbers you collect,
        arranged in the order you visited the positions, form the output map.
      </p>
      <p>Written as a formula, for a kernel w of size k×k, the output at row i and column j is</p>
      <TeX block tex="y_{i,j} = \sum_{u=0}^{k-1} \sum_{v=0}^{k-1} x_{i+u,\, j+v}\; w_{u,v}" />
      <p>
        The lecture works this out for a 3×3 input and a 2×2 kernel; it is the default below. Step through it and check
        that the first window gives 133. Then change any number, in the input or in the kernel, and watch which outputs
        move: a pixel only influences the outputs whose windows cover it. Click any output unit (or press Enter on it)
        to light its window and see its arithmetic: window times kernel, the sum, the bias, and the activation.
      </p>
      <Figure
        wide
        caption="The highlighted cells are under the kernel; the small ×w in each is the weight it is multiplied by. Play, Step, Back and Reset drive the window; the panel also answers the arrow keys."
      >
        <SlidingWindow />
      </Figure>
      <Callout tone="tip" title="Why the output is smaller">
        A 2×2 window fits in only 2 positions along a row of 3 pixels, so a 3×3 input gives a 2×2 output. In general a
        k-wide kernel fits <TeX tex="N - k + 1" /> times across N pixels. The next lesson shows how padding and stride
        change that count.
      </Callout>
    </Section>
  );
}
