/** The prose sections of the layer-calculator lesson. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { LayerCalculator } from './LayerCalculator';
import { AlexNetTable, VggTable } from './ReferenceTable';

export function CalculatorSection(): ReactElement {
  return (
    <Section id="calculator" title="Count a network layer by layer">
      <p>
        Every number in a CNN’s bookkeeping follows from a few rules you have met already. A conv layer with{' '}
        <TeX tex="K" /> filters of <TeX tex="F\times F" /> on a depth-
        <TeX tex="D_1" /> input, split into <TeX tex="g" /> groups, has
      </p>
      <TeX
        block
        tex="\text{weights} = K\cdot\frac{D_1}{g}\cdot F\cdot F,\qquad \text{biases} = K,\qquad \text{mult-adds} = H_2\cdot W_2\cdot \text{weights}"
      />
      <p>
        A dense layer from <TeX tex="n" /> inputs to <TeX tex="m" /> units has <TeX tex="n\cdot m" /> weights and{' '}
        <TeX tex="m" /> biases; pooling, flatten, activations and dropout have none. The calculator applies these rules
        to a whole stack. It starts with the lecture’s Keras MNIST network; change a row, add or remove layers, or load
        a reference architecture.
      </p>
      <LayerCalculator />
      <Callout tone="tip" title="Settings">
        <p>
          Sizes take one number or two (<code>3,1</code> means 3 high, 1 wide). Padding takes pixels, <code>same</code>{' '}
          or <code>valid</code>. Clear an optional field to use its default.
        </p>
      </Callout>
    </Section>
  );
}

export function ReferenceSection(): ReactElement {
  return (
    <Section id="reference" title="The lecture’s reference numbers">
      <p>
        AlexNet was trained on two GPUs, and three of its conv layers only read the half of the channels that lived on
        their own GPU. In today’s terms those are grouped convolutions with <TeX tex="g = 2" />, which halves their
        weights. For conv2, for example: <TeX tex="256\cdot\frac{96}{2}\cdot 5\cdot 5 = 307{,}200" />.
      </p>
      <AlexNetTable />
      <p>
        The VGG family stacks 3×3 convolutions only; the configurations differ in depth, from 11 weight layers (A) to 19
        (E). Most of their parameters sit in the first dense layer: 7·7·512 inputs times 4,096 units.
      </p>
      <VggTable />
    </Section>
  );
}
