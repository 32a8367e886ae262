/** Section 4: the held-out digits that most excite a chosen unit. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { VALIDATION } from './net';
import { TopImages } from './TopImages';

export function TopImagesSection(): ReactElement {
  return (
    <Section id="top-images" title="What excites a unit">
      <p>
        Feature maps answer “what does this image do to every unit?”. Zeiler and Fergus turned the question round: for
        one unit, which images excite it most? Run every held-out image through the net, record the unit’s activation
        (here a channel’s mean over its positions), and show the nine largest. No gradient is involved, only sorting.
      </p>
      <p>
        For a conv1 channel the nine are often digits with a lot of one stroke direction. For conv3 channels they are
        often nine examples of one digit, or of two digits that share a shape, such as 4 and 9: this is the layer the
        dense classifier reads, and its units have become detectors of digit parts.
      </p>
      <Figure
        wide
        caption={`The nine of the ${VALIDATION} held-out digits with the largest mean activation of the chosen channel, largest first.`}
      >
        <TopImages />
      </Figure>
    </Section>
  );
}
