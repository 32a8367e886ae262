/** Section 8: DenseNet, where every layer's output is concatenated onto all the ones before it. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { CalculatorLink } from './CalculatorLink';
import { DenseBlock } from './DenseBlock';
import { NetLayers } from './NetLayers';

export function DenseNetSection(): ReactElement {
  return (
    <Section id="densenet" title="DenseNet: growth by concatenation">
      <p>
        DenseNet (Huang et al., CVPR 2017) takes the shortcut idea further. Inside a <strong>dense block</strong>, layer{' '}
        <TeX tex="\ell" /> reads the concatenation of the block’s input and the outputs of every layer before it, and
        adds only <TeX tex="k" /> new channels, the <strong>growth rate</strong>:
      </p>
      <TeX
        block
        tex="x_\ell = H_\ell\big([x_0, x_1, \dots, x_{\ell-1}]\big),\qquad \text{depth after } L \text{ layers} = C_0 + L\cdot k"
      />
      <p>
        Concatenating rather than adding keeps every earlier feature available unchanged, so each layer can stay narrow
        (<TeX tex="k = 32" /> in DenseNet-121). Each <TeX tex="H_\ell" /> is batch norm, ReLU and a 3×3 conv; in
        DenseNet-B a 1×1 conv to <TeX tex="4k" /> channels goes first, so the 3×3 never reads the growing depth. Between
        blocks, a transition layer (1×1 conv, then a 2×2 average pool) halves the channels and the map. DenseNet-121 has
        blocks of 6, 12, 24 and 16 layers.
      </p>
      <DenseBlock />
      <NetLayers preset="densenet121" />
      <CalculatorLink preset="densenet121" />
    </Section>
  );
}
