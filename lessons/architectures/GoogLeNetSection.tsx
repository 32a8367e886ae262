/** Section 6: GoogLeNet and its Inception module, with 1×1 convolutions as the saving. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { CalculatorLink } from './CalculatorLink';
import { InceptionModule } from './InceptionModule';
import { NetLayers } from './NetLayers';

export function GoogLeNetSection(): ReactElement {
  return (
    <Section id="googlenet" title="GoogLeNet and the Inception module">
      <p>
        GoogLeNet (Szegedy et al., Inception v1) won ILSVRC 2014 with 6.66% top-5 error. It is 22 layers deep, yet the
        lecture credits it with about 5 million parameters against AlexNet’s 60 million. Three choices make that
        possible: nine <strong>Inception modules</strong>, <strong>1×1 convolutions</strong> that shrink the depth
        before every expensive filter, and a global average pool instead of big dense layers at the end. (Two auxiliary
        classifiers halfway up helped the gradient reach the early layers during training; they are dropped at test
        time.)
      </p>
      <p>
        An Inception module does not choose a filter size: it runs a 1×1, a 3×3 and a 5×5 conv and a 3×3 max pool side
        by side on the same input, all with “same” padding, and <strong>concatenates</strong> their outputs along the
        channels. The naive version is expensive twice over. Each 5×5 filter reads the full input depth, and the pool
        branch passes the whole input depth through, so the output is deeper than the input and the next module costs
        even more. A 1×1 conv fixes both: in front of the 3×3 and the 5×5 it reduces <TeX tex="C" /> channels to{' '}
        <TeX tex="R \ll C" />, and after the pool it sets the branch to a chosen width. A branch’s weights fall from{' '}
        <TeX tex="F^2 C K" /> to <TeX tex="CR + F^2 R K" />.
      </p>
      <InceptionModule />
      <p>
        Inception (3a) is GoogLeNet’s first module, widths from the paper’s table; the 256×28×28 example (channels
        first, as everywhere in this course; the lecture writes it 28×28×256) is a wider module often used to show the
        saving. Change any width and watch which branch dominates: it is nearly always the 3×3 or the 5×5 reading the
        full input depth.
      </p>
      <NetLayers preset="googlenet" />
      <CalculatorLink preset="googlenet" />
    </Section>
  );
}
