/** Section 1: equal starting weights make every unit a copy of its neighbours. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { SymmetryDemo } from './SymmetryDemo';

export function WhySection(): ReactElement {
  return (
    <Section id="why" title="Why the starting weights matter">
      <p>
        Gradient descent never picks the weights; it only nudges whatever weights it is given. Where it starts decides
        whether the nudges are useful at all. The tempting start is the tidy one: every weight zero, or every weight the
        same small number.
      </p>
      <p>
        Try it on a net small enough to read in full: four inputs, three tanh units, one output. Start every weight at
        0.5 and take a few steps. All three hidden units see the same inputs through the same weights, so they compute
        the same value; the output weights are equal too, so each unit is blamed equally and gets the same gradient,
        takes the same step, and is still a copy of the others afterwards. Three units do the work of one. Start at zero
        and it is worse: with no biases, the output weights pass back a zero gradient and nothing moves at all.
      </p>
      <Figure caption="Every number comes from the engine's dense and tanh kernels, forward and backward. Only the random start makes the three units different.">
        <SymmetryDemo />
      </Figure>
      <Callout tone="note" title="Breaking the symmetry">
        So weights start random. Then the real question is how large: the rest of the lesson is about the spread of that
        random start.
      </Callout>
    </Section>
  );
}
