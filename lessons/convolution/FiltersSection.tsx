/** Section 4: edge, blur and sharpen kernels on an MNIST digit and on a drawn scene. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { HORIZONTAL_EDGES, VERTICAL_EDGES } from './examples';
import { ImageFilters } from './ImageFilters';

const k3 = (v: readonly number[]): string =>
  `\\begin{bmatrix} ${v.slice(0, 3).join(' & ')} \\\\ ${v.slice(3, 6).join(' & ')} \\\\ ${v.slice(6).join(' & ')} \\end{bmatrix}`;

export function FiltersSection(): ReactElement {
  return (
    <Section id="filters" title="Edges, blur and sharpen on real pictures">
      <p>
        Before networks learned their kernels, people designed them by hand. The lecture shows two classics that find
        edges:
      </p>
      <TeX
        block
        tex={`\\text{finds horizontal edges: } ${k3(HORIZONTAL_EDGES)} \\qquad \\text{finds vertical edges: } ${k3(VERTICAL_EDGES)}`}
      />
      <p>
        Read the first one as a template. Its top row is negative and its bottom row positive, so over a flat patch the
        products cancel and the output is 0; where the picture gets brighter from top to bottom the output is large and
        positive, and where it gets darker, large and negative. The second kernel is the same idea turned on its side. A
        blur kernel (all weights 1/9) replaces each pixel by the average of its neighbourhood; a sharpen kernel adds
        back the difference between a pixel and its neighbours.
      </p>
      <p>
        Apply them below, to a handwritten digit or to a small landscape drawn in code (filtered on its brightness).
        Then type your own weights. Outputs are drawn red for negative and blue for positive, white for zero; hover to
        read a value.
      </p>
      <Figure
        wide
        caption="Input bytes are scaled to 0–1 and cross-correlated with the kernel by the engine. The output is 2 pixels smaller than the input in each direction: a 3×3 window fits N − 2 times across N pixels."
      >
        <ImageFilters />
      </Figure>
      <p>
        Notice what the edge filters do with the digit: a horizontal stroke gives a blue band on one side and a red band
        on the other. A network's first layer typically ends up with kernels much like these, learned from data rather
        than designed.
      </p>
    </Section>
  );
}
