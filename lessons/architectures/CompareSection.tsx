/** Section 9: all the reference nets in one table, and why published figures differ. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import { CompareNotes } from './CompareNotes';
import { ComparisonTable } from './ComparisonTable';

export function CompareSection(): ReactElement {
  return (
    <Section id="compare" title="The reference nets side by side">
      <p>
        Read the table along two lines. Parameters fell after VGG while accuracy kept rising: GoogLeNet, ResNet and
        DenseNet end in a global average pool and one dense layer instead of VGG’s three huge ones. Multiply-adds are a
        different story: they follow the conv layers, so a deep ResNet with few parameters can still cost billions of
        multiply-adds per image.
      </p>
      <ComparisonTable />
      <p>Where the engine’s counts and the published ones disagree, the reason is almost always a layout detail:</p>
      <CompareNotes />
    </Section>
  );
}
