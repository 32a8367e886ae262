/** The prose sections of the layer-calculator lesson. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ArchitectureTable } from './ArchitectureTable';
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

export function DeeperSection(): ReactElement {
  return (
    <Section id="deeper" title="Deeper networks, side by side">
      <p>
        After VGG, networks got deeper while their parameter counts fell. GoogLeNet runs 1×1, 3×3 and pooling branches
        side by side in each Inception module and joins them with a <code>concat</code> layer; its 1×1 “reduce”
        convolutions shrink the depth first, so the whole net has fewer parameters than AlexNet’s first dense layer.
        ResNet adds each block’s input back to its output; ResNet-50’s bottleneck blocks do their 3×3 convolution at a
        quarter of the block’s width. DenseNet concatenates every layer’s output onto all the layers before it.
      </p>
      <p>
        Load any of them into the calculator above. Big ones are shown a block at a time: each folded row sums its
        layers, and opening it shows them. The depth in a name counts conv and dense layers along the longest path, so
        branches that run side by side count once.
      </p>
      <ArchitectureTable />
      <Callout tone="note" title="Why two ResNet-50s?">
        <p>
          They differ only in where a stage’s first block halves the map: the paper strides its first 1×1 conv (about
          3.9 billion multiply-adds, the lecture’s “3.8 billion FLOPs”), torchvision strides the 3×3 instead, so that
          1×1 runs on the full-size map and costs four times as much (about 4.1 billion). The weights are the same.
        </p>
      </Callout>
    </Section>
  );
}
