/** Section 3: a batch of images as one 4-D NCHW tensor, with the lecture's (2,2,3,3) example. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { NchwExplorer } from './NchwExplorer';

export function NchwSection(): ReactElement {
  return (
    <Section id="nchw" title="Batches: the 4-D tensor">
      <p>
        Networks are trained on several images at once, a <strong>mini-batch</strong>. Stacking the batch adds a fourth
        axis in front, so the whole batch is a single 4-D array, a <em>tensor</em>, with shape
      </p>
      <TeX block tex="(N, C, H, W) = (\text{samples},\ \text{channels},\ \text{height},\ \text{width})" />
      <p>
        This order is called <strong>NCHW</strong>. It is the layout cuDNN names <code>CUDNN_TENSOR_NCHW</code>, and the
        one ConvLab uses everywhere. <TeX tex="N" /> is the mini-batch size, <TeX tex="H" /> and <TeX tex="W" /> are the
        size of each image or feature map, and <TeX tex="C" /> is the number of channels (for a layer’s output, the
        number of filters).
      </p>
      <p>
        In memory the tensor is one long row of numbers. The last axis changes fastest: first all of row 0 of channel 0
        of sample 0, then row 1, and so on; then channel 1; then the next sample. To reach element{' '}
        <TeX tex="(n, c, h, w)" /> you skip <TeX tex="n" /> whole samples, <TeX tex="c" /> whole channels,{' '}
        <TeX tex="h" /> whole rows, and then <TeX tex="w" /> values:
      </p>
      <TeX block tex="\text{index}(n,c,h,w) = n\cdot CHW + c\cdot HW + h\cdot W + w" />
      <p>
        The lecture’s example is a tensor of shape <TeX tex="(2, 2, 3, 3)" />: two samples, two channels, each 3×3,
        filled with 1 to 36 in memory order. Explore it below.
      </p>
      <NchwExplorer />
      <Callout tone="warning" title="Counting from 0">
        The lecture slide labels these “Sample 1, 2” and “Channel 1, 2”. Code, and this course, count from 0, so the
        slide’s Sample 2, Channel 1 is <TeX tex="n = 1, c = 0" /> here, and it starts at flat index 18 (value 19).
      </Callout>
    </Section>
  );
}
