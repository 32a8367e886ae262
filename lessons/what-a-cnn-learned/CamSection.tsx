/** Section 6: class activation maps on the GAP net. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { CamView } from './CamView';

export function CamSection(): ReactElement {
  return (
    <Section id="cam" title="Class activation maps">
      <p>
        Our net ends in global average pooling and one dense layer, and that gives an exact answer to “where does the
        score come from?” (Zhou et al., 2016). Let <TeX tex="f_k(x, y)" /> be the last convolution’s map k. Pooling
        averages each map, and the dense layer weighs the averages:
      </p>
      <TeX
        block
        tex="S_c = \sum_k w_{ck} \frac{1}{HW}\sum_{x,y} f_k(x,y) + b_c = \frac{1}{HW}\sum_{x,y} \underbrace{\sum_k w_{ck} f_k(x,y)}_{M_c(x,y)} + b_c"
      />
      <p>
        Swapping the two sums is all it takes: the <em>class activation map</em> <TeX tex="M_c" /> is a 7×7 map whose
        mean, plus the bias, is the class score. Upsampled and laid over the digit it shows which part of the image the
        score was collected from. Unlike a saliency map it is not a gradient, so it does not flicker; but it is only as
        sharp as the last feature maps, 7×7 here.
      </p>
      <Figure
        wide
        caption="The CAM of the chosen class over the digit (orange: positive evidence), the raw map, and the check that its mean plus the bias is the score."
      >
        <CamView />
      </Figure>
      <p>
        Ask for a class the net did not predict: pick a 1 and ask for 7. Does the map light up where a 7 would need ink
        that this digit lacks, or where the two digits share a stroke? The printed score says how much of that evidence
        survived once the negative parts of the map are averaged in.
      </p>
    </Section>
  );
}
