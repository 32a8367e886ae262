/** Section 4: small filters stacked cost fewer weights than one big filter with the same reach. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { FactorisingTable } from './FactorisingTable';

export function FactorisingSection(): ReactElement {
  return (
    <Section id="factorising" title="Stacks of small filters">
      <p>
        VGG’s designers noticed that three 3×3 conv layers in a row see a 7×7 patch of the input, just as one 7×7 layer
        does. Suppose both keep the depth at <TeX tex="C" />. Each layer has <TeX tex="C" /> filters, and each filter is
        as deep as its input, so
      </p>
      <TeX
        block
        tex={
          '\\underbrace{C\\cdot(7\\cdot 7\\cdot C)}_{\\text{one }7\\times 7} = 49C^2 \\qquad\\text{versus}\\qquad' +
          '\\underbrace{3\\cdot C\\cdot(3\\cdot 3\\cdot C)}_{\\text{three }3\\times 3} = 27C^2'
        }
      />
      <p>
        The stack is cheaper by almost half and puts three non-linearities where the big filter had one. Inception-v3
        pushed the idea further: a 5×5 filter (25 weights per channel pair) becomes two 3×3 (
        <TeX tex="9 + 9 = 18" />
        ), and even a 3×3 (9) becomes a 3×1 followed by a 1×3 (<TeX tex="3 + 3 = 6" />
        ). Change <TeX tex="C" />: the counts grow with <TeX tex="C^2" />, the ratios stay put.
      </p>
      <FactorisingTable />
    </Section>
  );
}
