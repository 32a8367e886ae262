/** Section 1: why deep networks benefit from normalising inside, after the lecture's covariate-shift slides. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Section } from '../../app/ui/Section';

export function WhySection(): ReactElement {
  return (
    <Section id="why" title="Why normalise inside the network">
      <p>
        You already scale the input pixels to [0, 1] before training, because a network learns more easily when its
        inputs sit in a small, predictable range. The layers deeper in the network get no such care: each one reads the
        output of the layer before it, and that output changes every time the earlier weights are updated.
      </p>
      <p>
        The lecture shows what this does to a deep net. Take ten layers of 500 tanh units: as the signal passes through
        the layers, the activations drift until almost all of them sit at −1 or +1, where tanh is flat. The gradient
        through a flat tanh is nearly zero, so the loss hardly moves. With ReLU the same stack can go the other way and
        shrink the activations to almost nothing. Ioffe and Szegedy called the underlying problem{' '}
        <strong>internal covariate shift</strong>: the distribution each layer sees keeps moving while the network
        trains, so every layer is chasing a moving target.
      </p>
      <p>
        Their fix, <strong>batch normalisation</strong> (2015), normalises each unit's values over the current
        mini-batch to mean 0 and variance 1, and then lets the network learn a scale and shift of its own. In their
        experiments the normalised network trained faster and more stably, tolerated larger learning rates, and an
        Inception network with batch norm (Inception-v2) brought the ImageNet top-5 error down to 4.82%.
      </p>
      <Callout title="Names">
        The paper writes “Batch Normalization”; the layer is called <code>batchnorm</code> in ConvLab's model spec and{' '}
        <code>BatchNorm2d</code> in PyTorch. This lesson follows PyTorch's conventions, as the engine does.
      </Callout>
    </Section>
  );
}
