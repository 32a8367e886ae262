/** Section 4: ZFNet, AlexNet retuned by looking at what its first layers had learned. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import { CalculatorLink } from './CalculatorLink';
import { ZfnetCompare } from './ZfnetCompare';

export function ZfnetSection(): ReactElement {
  return (
    <Section id="zfnet" title="ZFNet">
      <p>
        Zeiler and Fergus built a “deconvnet” to project activations back to pixels, and saw that AlexNet’s first layer
        had dead filters and its second layer aliasing artefacts from the large stride. ZFNet (ILSVRC 2013) keeps
        AlexNet’s plan and changes two things: conv1 becomes 7×7 at stride 2 instead of 11×11 at stride 4, so the first
        maps are twice as fine, and conv3, conv4 and conv5 widen from 384, 384 and 256 filters to 512, 1,024 and 512.
        The lecture quotes 14.8% top-5 for it, against AlexNet’s 18.2% for a single net; that year’s winning entry,
        Clarifai, built on the same ideas, reached 11.74%.
      </p>
      <ZfnetCompare />
      <p>
        The finer first layer saves parameters (a 3×7×7 filter is smaller than a 3×11×11 one) but not work: every map
        after it is larger, and conv3–5 are wider, so ZFNet needs several times AlexNet’s multiply-adds. The wider
        conv3–5 are also where its extra parameters come from. It trained on one GPU, so none of its convs are grouped.
      </p>
      <CalculatorLink preset="zfnet" />
    </Section>
  );
}
