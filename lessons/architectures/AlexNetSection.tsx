/** Section 3: AlexNet, its shapes from 227 to 6, and the four ideas it made standard. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { AlexNetShapes } from './AlexNetShapes';
import { CalculatorLink } from './CalculatorLink';
import { NetLayers } from './NetLayers';

export function AlexNetSection(): ReactElement {
  return (
    <Section id="alexnet" title="AlexNet">
      <p>
        AlexNet (Krizhevsky, Sutskever and Hinton) won ILSVRC 2012 with 16.4% top-5 error. Its outline is LeNet’s,
        scaled up: five conv layers and three dense layers, about 60 million parameters and 650,000 units, trained on a
        million images instead of thousands. Follow the image through it with the output-size rule{' '}
        <TeX tex="(N - F + 2P)/S + 1" />: conv1’s 96 filters of 11×11 at stride 4 turn 227 into 55, each 3×3 stride-2
        max pool roughly halves the map (55 → 27, 27 → 13, 13 → 6), and 256 maps of 6×6 reach the first dense layer.
      </p>
      <AlexNetShapes />
      <p>What it introduced, or made everyone adopt:</p>
      <ul>
        <li>
          <strong>Two GPUs.</strong> The net did not fit on one 3 GB card, so each layer’s filters were split in half.
          conv2, conv4 and conv5 only read the channels on their own GPU: grouped convolutions with two groups, which
          halves their weights (conv2: <TeX tex="256\cdot\tfrac{96}{2}\cdot 5\cdot 5 = 307{,}200" />
          ). conv3 and the dense layers talk across both.
        </li>
        <li>
          <strong>ReLU</strong> instead of tanh: no saturation for positive inputs, so training converged several times
          faster.
        </li>
        <li>
          <strong>Local response normalisation</strong> after conv1 and conv2 (worth 1.2% top-5): each activation is
          divided by the energy of its neighbours in the <TeX tex="n" /> adjacent channels at the same pixel,
          <TeX
            block
            tex="b^i_{x,y} = a^i_{x,y}\Big/\Big(k + \alpha\sum_{j=\max(0,\,i-n/2)}^{\min(N-1,\,i+n/2)}\big(a^j_{x,y}\big)^2\Big)^{\beta}"
          />
          with <TeX tex="k = 2,\ n = 5,\ \alpha = 10^{-4},\ \beta = 0.75" />. It has no parameters, so it changes no
          count above; batch norm later replaced it.
        </li>
        <li>
          <strong>Dropout</strong> of 0.5 in the first two dense layers, which hold most of the weights, together with
          data augmentation (random 224 crops and flips, PCA colour shifts) and overlapping pooling (3×3 windows at
          stride 2, worth 0.3%).
        </li>
      </ul>
      <NetLayers preset="alexnet-lrn" />
      <CalculatorLink preset="alexnet" />
    </Section>
  );
}
