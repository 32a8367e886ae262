/** Section 4: dilated (atrous) convolution and its effective kernel size. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { effectiveKernel } from '../../engine/spec/arithmetic';
import { DilationFootprint } from './DilationFootprint';

export function DilationSection(): ReactElement {
  return (
    <Section id="dilation" title="Dilation: a wider view for the same weights">
      <p>
        A dilated kernel leaves gaps between its taps. With dilation D, neighbouring weights sit D pixels apart, so a
        3×3 kernel with D = 2 still has 9 weights but reaches across 5 pixels. In the output-size formula it behaves
        like a dense kernel of its full span:
      </p>
      <TeX block tex="F_{\text{eff}} = D\,(F - 1) + 1, \qquad W_2 = \frac{W_1 - F_{\text{eff}} + 2P}{S} + 1" />
      <p>
        D = 1 is the ordinary kernel (<TeX tex={`F_{\\text{eff}} = F`} />
        ). Stacking dilated layers grows the receptive field quickly without pooling away resolution or paying for
        bigger kernels: a 3×3 kernel at D = 4 spans {effectiveKernel(3, 4)} pixels with only 9 weights.
      </p>
      <Figure caption="Dark cells are the taps that carry a weight; pale cells are skipped.">
        <DilationFootprint />
      </Figure>
      <p>
        This is the <em>atrous</em> convolution (from the French <em>à trous</em>, “with holes”) behind DeepLab, the
        segmentation network in the lecture. Segmentation needs an answer for every pixel, so shrinking the feature maps
        with pooling and strides throws away exactly what the task needs. DeepLab instead enlarges the field of view
        with dilation, extracting features densely, and runs several dilation rates side by side to see objects at
        several scales at once.
      </p>
    </Section>
  );
}
