/** Section 2: many neurons reading the same input form a layer: one matrix product. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { DenseExample } from './DenseExample';

export function LayerSection(): ReactElement {
  return (
    <Section id="dense-layer" title="A layer of neurons is a matrix product">
      <p>
        Put several neurons side by side, all reading the same input, and stack their weight vectors as the columns of a
        matrix <TeX tex="W" />. The whole layer is then one vector–matrix product, one bias per neuron, and the
        activation applied to every entry. Because each output is connected to every input, this is called a{' '}
        <strong>fully connected</strong> (or dense) layer.
      </p>
      <TeX
        block
        tex="a = \mathrm{ReLU}(xW + b),\qquad x \in \mathbb{R}^{1\times 4},\ W \in \mathbb{R}^{4\times 3},\ b \in \mathbb{R}^{1\times 3}"
      />
      <p>
        The lecture’s example feeds <TeX tex="x = [1\ 2\ 4\ 0]" /> through three ReLU neurons. The product{' '}
        <TeX tex="xW" /> is <TeX tex="[-1\ {-8}\ 5]" />, adding the bias <TeX tex="[2\ 1\ 3]" /> gives{' '}
        <TeX tex="[1\ {-7}\ 8]" />, and the ReLU zeroes the negative entry: <TeX tex="[1\ 0\ 8]" />. Every number below
        is editable; change one and follow it through.
      </p>
      <Figure
        wide
        caption="The lecture's single-layer network. Edit x, W or b; the engine's dense layer and ReLU recompute the rest."
      >
        <DenseExample />
      </Figure>
      <p>
        Frameworks usually store the same numbers the other way round, one <em>row</em> per neuron, and write{' '}
        <TeX tex="Wx + b" /> with <TeX tex="x" /> a column. It is the same arithmetic with <TeX tex="W" /> transposed.
      </p>
    </Section>
  );
}
