/** Section 1: why people start from a trained network, and the two ways of doing it. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';

export function WhySection(): ReactElement {
  return (
    <Section id="why" title="Why reuse a trained network">
      <p>
        Training a large CNN from random weights needs a great many labelled images: the networks of the previous
        lessons learned from ImageNet’s 1.2 million photos in 1,000 classes. Most real problems come with a few hundred
        or a few thousand labelled examples, far too few to learn tens of millions of weights. So in practice hardly
        anyone trains a big CNN from scratch. They take one that someone has already trained on a large dataset and
        reuse it.
      </p>
      <p>
        This works because what the early and middle layers learn is not specific to the thousand ImageNet classes. The
        first layer finds edges and colour blobs, the next ones corners, textures and parts of objects. Those are useful
        for almost any photo. Only the last layers say “this is a Dalmatian” rather than “this has spots”.
      </p>
      <p>There are two ways to reuse a trained network:</p>
      <ul>
        <li>
          <strong>As a fixed feature extractor.</strong> Remove the last fully connected layer (the one that scored the
          old classes), run every new image through the rest, and keep the activations just before it: the image’s{' '}
          <em>CNN code</em>. Train only a new classifier on those codes. The trunk never changes.
        </li>
        <li>
          <strong>By fine-tuning.</strong> Replace the last layer with a new, randomly initialised one for the new
          classes, then keep training with backpropagation, starting from the pretrained weights. With more data you can
          let more of the layers below move too.
        </li>
      </ul>
    </Section>
  );
}
