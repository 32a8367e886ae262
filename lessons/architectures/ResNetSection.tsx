/** Section 7: ResNet, residual blocks, shortcuts and bottlenecks. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { CalculatorLink } from './CalculatorLink';
import { NetLayers } from './NetLayers';
import { ResidualBlock } from './ResidualBlock';

export function ResNetSection(): ReactElement {
  return (
    <Section id="resnet" title="ResNet: residual blocks">
      <p>
        After VGG, deeper should have meant better, but it did not: on CIFAR-10 a plain 56-layer net had a higher{' '}
        <em>training</em> error than a 20-layer one. That is not overfitting, and not only vanishing gradients (batch
        norm and good initialisation were already in use). The deeper net could copy the shallower one and set its extra
        layers to the identity, yet the optimiser did not find such a solution.
      </p>
      <p>
        He et al. (ResNet, ILSVRC 2015, 3.57% top-5 with an ensemble) let a few stacked layers learn a correction to
        their input instead of a whole new mapping. If the block should compute <TeX tex="\mathcal{H}(x)" />, its layers
        learn <TeX tex="\mathcal{F}(x) = \mathcal{H}(x) - x" /> and a shortcut adds <TeX tex="x" /> back:
      </p>
      <TeX
        block
        tex="y = \mathcal{F}(x, \{W_i\}) + x \qquad\text{or, when the shapes differ,}\qquad y = \mathcal{F}(x, \{W_i\}) + W_s x"
      />
      <p>
        Pushing <TeX tex="\mathcal{F}" /> to zero is easy, so an unneeded block costs little, and the gradient reaches
        early layers through the additions unchanged. The identity shortcut has no parameters and no multiply-adds. When
        a block halves the map and widens the channels, <TeX tex="x" /> no longer fits; the paper either pads the extra
        channels with zeros or projects <TeX tex="x" /> with a 1×1 conv <TeX tex="W_s" /> (stride 2). A block has two or
        three conv layers; one alone would be just <TeX tex="y = W_1 x + x" />, no better than a linear layer.
      </p>
      <p>
        ResNet-18 and -34 use <strong>basic blocks</strong> of two 3×3 convs. ResNet-50, -101 and -152 use{' '}
        <strong>bottleneck blocks</strong>: a 1×1 conv narrows the channels by four, the 3×3 works at that width, and a
        second 1×1 widens back. Try it below: a bottleneck on 256 channels (width 64) against a basic block on 256 (256
        filters); then set the stride to 2 with an identity shortcut and read the engine’s message.
      </p>
      <ResidualBlock />
      <NetLayers preset="resnet50" />
      <CalculatorLink preset="resnet50" />
    </Section>
  );
}
