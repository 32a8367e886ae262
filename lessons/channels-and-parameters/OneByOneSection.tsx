/** Section 3: 1×1 convolutions mix channels at each pixel and can shrink the depth cheaply. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { BottleneckCompare } from './BottleneckCompare';

export function OneByOneSection(): ReactElement {
  return (
    <Section id="one-by-one" title="1×1 convolutions">
      <p>
        A 1×1 filter sounds pointless until you remember that filters are as deep as their input. On a 192×28×28 volume,
        a 1×1 filter is 192×1×1: at every pixel it takes a weighted sum of the 192 channel values. It sees no neighbours
        at all, it mixes channels. With <TeX tex="R" /> such filters the output is 28×28×
        <TeX tex="R" />, so choosing <TeX tex="R" /> smaller than the input depth compresses the channels while keeping
        the image size.
      </p>
      <p>
        GoogLeNet uses exactly this trick, “dimension reduction”, in front of its expensive 3×3 and 5×5 filters. That is
        a large part of why it gets by with about 5 million parameters where AlexNet needed 60 million. The numbers
        below are one branch of an Inception module: 192 channels in, 32 filters of 5×5 out, with or without a 1×1 layer
        of <TeX tex="R = 16" /> filters in between.
      </p>
      <BottleneckCompare />
    </Section>
  );
}
