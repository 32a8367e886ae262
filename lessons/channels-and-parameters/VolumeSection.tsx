/** Section 1: a filter spans the input's full depth; K filters make an output of depth K. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { VolumeExplorer } from './VolumeExplorer';

export function VolumeSection(): ReactElement {
  return (
    <Section id="volumes" title="Filters are as deep as their input">
      <p>
        A colour image is not a flat grid but a block of numbers: width, height and a depth of three channels. A
        convolution filter on such an input is a block too. Its width and height are yours to choose (say 5×5), but its
        depth is not: it always equals the depth of the volume it reads, because at every position the filter takes a
        dot product with <em>all</em> channels of the patch underneath it. On a 3×32×32 image a 5×5 filter is really
        3×5×5, and each position it visits gives one number. (This course writes volumes channels first, depth × height
        × width, as the engine and PyTorch store them; the lecture’s slides often write width first, so the same image
        appears there as 32×32×3.)
      </p>
      <p>
        Sliding one filter over every position gives one grid of numbers, an <strong>activation map</strong>. A layer
        with <TeX tex="K" /> filters produces <TeX tex="K" /> such maps and stacks them, so the output depth is the
        number of filters, whatever the input depth was. The lecture summarises a conv layer like this:
      </p>
      <TeX
        block
        tex={
          '\\begin{gathered} W_2 = \\frac{W_1 - F + 2P}{S} + 1,\\qquad H_2 = \\frac{H_1 - F + 2P}{S} + 1,\\qquad D_2 = K \\\\' +
          '\\text{weights} = F\\cdot F\\cdot D_1\\cdot K,\\qquad \\text{biases} = K \\end{gathered}'
        }
      />
      <p>
        Try the lecture’s four cases below, then change the numbers. Watch which numbers move the output depth (only{' '}
        <TeX tex="K" />) and which move the weight count (<TeX tex="F" />, <TeX tex="D_1" /> and <TeX tex="K" />, but
        never the image size).
      </p>
      <VolumeExplorer />
    </Section>
  );
}
