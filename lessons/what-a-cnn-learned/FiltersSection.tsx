/** Section 2: the learned filters of every convolution layer. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { FilterBanks } from './FilterBanks';

export function FiltersSection(): ReactElement {
  return (
    <Section id="filters" title="The filters">
      <p>
        The most direct view is the weights themselves. A first-layer filter is a 3×3 patch laid on the image, so it can
        be drawn as a tiny picture: blue where it wants ink, red where it wants none. After training, several of them
        are stroke and edge detectors, a bright side next to a dark side, the same kind of filter AlexNet’s first layer
        learned from photographs.
      </p>
      <p>
        Deeper filters are harder to read. A filter of conv2 has one 3×3 slice for each of the 8 maps that pool1
        outputs, so it says “this much of edge map 1 here, minus that much of edge map 5 there”. Its slices are drawn
        below in one column, a row per input map; the grid is honest, but it is not a picture of anything in the image.
        To see what a deeper unit responds to we have to go back to images, which is what the rest of the lesson does.
      </p>
      <Figure
        wide
        caption="Every convolution layer’s filters, one column per filter and one row per input channel, blue positive, red negative, each layer on its own symmetric scale."
      >
        <FilterBanks />
      </Figure>
    </Section>
  );
}
