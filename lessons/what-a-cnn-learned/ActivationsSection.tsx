/** Section 3: every layer's feature maps for one digit. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { ActivationMaps } from './ActivationMaps';

export function ActivationsSection(): ReactElement {
  return (
    <Section id="activations" title="Feature maps">
      <p>
        The second view runs one image through the net and shows what every layer outputs. Each small square is one
        channel’s map, black for zero and white for the layer’s largest value. conv1’s maps still look like the digit,
        each with some strokes picked out; after each pool they are half the size, and by conv3 a map is 7×7 and many
        are almost entirely black. ReLU makes feature maps sparse: a unit that does not find its pattern outputs exactly
        zero.
      </p>
      <p>
        Draw a digit yourself and watch which conv3 maps light up. Then draw something that is not a digit: the net
        still has to answer one of ten, and the maps show it reaching for whichever patterns it can find.
      </p>
      <Figure wide caption="Every feature map of every layer for the chosen digit; each layer has its own scale.">
        <ActivationMaps />
      </Figure>
    </Section>
  );
}
