/** Section 5: stacking convolutions grows the region of the input each unit depends on. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ReceptiveField } from './ReceptiveField';

export function ReceptiveFieldSection(): ReactElement {
  return (
    <Section id="receptive-field" title="Receptive fields grow with depth">
      <p>
        The patch of the input that a unit depends on is its <strong>receptive field</strong>, a term borrowed from
        Hubel and Wiesel’s studies of neurons in the visual cortex. A unit of the first 3×3 layer sees a 3×3 patch. A
        unit of the second layer sees a 3×3 patch of the first layer’s map, and each of those nine units saw its own 3×3
        patch of the image, overlapping its neighbours; together they cover 5×5. Every further 3×3 layer (stride 1) adds
        two pixels:
      </p>
      <TeX block tex="r_L = 1 + L\,(F - 1) = 1 + 2L \quad\text{for } F = 3:\qquad 3,\ 5,\ 7,\ \dots" />
      <p>
        This is why three 3×3 layers can stand in for one 7×7. Below, a digit passes through one to three 3×3 layers
        (each a plain 3×3 average, so you can still read the digit in the output). Move over the output to see what each
        unit sees.
      </p>
      <ReceptiveField />
    </Section>
  );
}
