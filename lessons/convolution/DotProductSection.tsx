/**
 * Section 2: each output is a dot product of the flattened patch and the flattened kernel. The
 * lecture's own reframing example (patch [[12, 21], [18, 31]]) is computed by the engine here.
 */
import { type ReactElement, useMemo } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { correlate } from './correlate';
import { LECTURE_KERNEL } from './examples';
import { fmt } from './squares';

/** The 2x2 patch the lecture uses to reframe convolution as a dot product. */
const PATCH: readonly number[] = [12, 21, 18, 31];

export function DotProductSection(): ReactElement {
  const value = useMemo(() => correlate({ rows: 2, cols: 2, values: PATCH }, LECTURE_KERNEL, 2).values[0]!, []);
  const [a, b, c, d] = PATCH.map(fmt);
  const [p, q, r, s] = LECTURE_KERNEL.map(fmt);
  return (
    <Section id="dot-product" title="Each output is a dot product">
      <p>
        Read the patch under the window row by row into one long vector, and do the same with the kernel. Multiplying
        matching entries and adding them is exactly the <em>dot product</em> of the two vectors. The lecture frames a
        2×2 patch this way:
      </p>
      <TeX
        block
        tex={`\\begin{bmatrix} ${a} & ${b} \\\\ ${c} & ${d} \\end{bmatrix} \\star \\begin{bmatrix} ${p} & ${q} \\\\ ${r} & ${s} \\end{bmatrix} = \\begin{bmatrix} ${a} \\\\ ${b} \\\\ ${c} \\\\ ${d} \\end{bmatrix} \\cdot \\begin{bmatrix} ${p} \\\\ ${q} \\\\ ${r} \\\\ ${s} \\end{bmatrix} = ${fmt(value)}`}
      />
      <p>
        That view matters for three reasons. First, a dot product is large when the two vectors point the same way, so
        each output measures <em>how much the patch looks like the kernel</em>: a kernel is a small template, and the
        output map shows where in the image the template matches. Second, the same kernel is used at every position, so
        the layer learns k² weights however large the image is; this <em>weight sharing</em> is what the lecture
        contrasts with a fully connected layer (2,250 weights instead of about 3 million for a 3×32×32 input and 30
        filters of 3×5×5). Third, a stack of dot products is a matrix product, which is how fast implementations,
        ConvLab's engine included, actually compute convolutions: they copy every patch into a column of a matrix and
        multiply it by the kernel's row.
      </p>
      <p>
        The widget above writes every output both ways: as the sum of products, and as the patch vector times the kernel
        vector.
      </p>
    </Section>
  );
}
