/** Section 2: LeNet-5, the template every later net follows. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import { CalculatorLink } from './CalculatorLink';
import { NetLayers } from './NetLayers';

export function LeNetSection(): ReactElement {
  return (
    <Section id="lenet" title="LeNet-5">
      <p>
        LeCun’s 1989 net read handwritten zip codes with two conv layers and one dense layer, weights shared across each
        feature map and trained by backpropagation, but no pooling. LeNet-5 (1998), which read bank cheques
        commercially, added sub-sampling layers between the convs and fixed the pattern that the nets below all follow:
        convolutions that grow the number of channels while pooling shrinks the map, then dense layers that classify.
      </p>
      <p>
        On a 32×32 digit: C1 has six 5×5 filters (28×28), S2 halves the map (14×14), C3 has sixteen 5×5 filters (10×10),
        S4 halves again (5×5), C5’s 120 filters of 5×5 cover the whole map (1×1), then a dense layer of 84 and ten
        outputs. The engine’s spec wires C3 to all six maps (the paper connected each C3 map to a subset) and uses plain
        average pooling, which gives the count most books quote.
      </p>
      <NetLayers preset="lenet5" />
      <CalculatorLink preset="lenet5" />
    </Section>
  );
}
