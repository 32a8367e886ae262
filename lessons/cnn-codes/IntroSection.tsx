/** Section 1: what a CNN code is, and the lecture's t-SNE picture of them. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function IntroSection(): ReactElement {
  return (
    <Section id="codes" title="What a CNN code is">
      <p>
        Cut a trained classifier just before its last layer and feed it an image. What comes out is a vector, one number
        per unit of the penultimate layer: the image’s <strong>CNN code</strong>. For AlexNet it is the 4,096-number
        output of the second fully connected layer; for the small MNIST net of this lesson it is 32 numbers. The last
        layer is only a linear classifier on top, <TeX tex="s = W h + b" />, so by the end of training the code has to
        say, as linearly as it can, which class the image belongs to.
      </p>
      <p>
        That makes the code a feature vector in its own right, and a far better one than the pixels. Two photos of the
        same dog from different sides share few pixel values but should have similar codes. The lecture uses this twice:
        to look at what a net has learned (place images by their codes and see who ends up next to whom), and to reuse a
        net, treating it as a fixed feature extractor whose codes feed a new classifier (transfer learning, two lessons
        on).
      </p>
      <p>
        The picture in the lecture is a t-SNE map (van der Maaten and Hinton) of ImageNet images by their AlexNet codes.
        t-SNE is a nonlinear way to put high-dimensional points on a page so that points close in the original space
        stay close on the page; in that map boats gather with boats, faces with faces and food with food, although
        nobody told the net what a “boat region” of feature space should be. Here you will make the same kind of map for
        handwritten digits, from a net you train yourself.
      </p>
    </Section>
  );
}
