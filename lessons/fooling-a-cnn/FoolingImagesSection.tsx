/** Section 5: the lecture's "DNNs are easily fooled" examples. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';

export function FoolingImagesSection(): ReactElement {
  return (
    <Section id="fooled" title="Does a net see the world as we do?">
      <p>
        The lecture asks this with a few pictures. Nguyen, Yosinski and Clune (“Deep neural networks are easily fooled”,
        2015) ran the attack the other way round: start from noise, or from an evolving pattern, and change it until the
        net is more than 99% sure it sees a king penguin or a starfish. The results look like static or like stripes to
        us; the net has no notion of “none of the above”, so every image lands in some class, and regions of image space
        no photo ever came from can be claimed with full confidence.
      </p>
      <p>
        The other examples are ordinary photos: the “puppy or bagel?” and “chihuahua or muffin?” grids, where a
        classifier (and, for a moment, a person) mixes up things with the same colours and blobs, and the 2015 Google
        Photos failure that tagged two people as gorillas, a reminder that what a net learns is whatever separates its
        training data, biases included. FGSM is the precise version of the same lesson: a classifier that agrees with us
        on every test image can still rely on features we would never use.
      </p>
    </Section>
  );
}
