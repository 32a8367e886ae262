/** Section 3: batch norm between a convolution and its activation, with statistics per channel. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ChannelStatistics } from './ChannelStatistics';

export function PlacementSection(): ReactElement {
  return (
    <Section id="placement" title="Where it goes in a CNN">
      <p>
        Batch norm is a layer of its own. The usual place is right after a convolution (or a dense layer) and before the
        activation:
      </p>
      <p className="bn-pipeline">
        <span>conv</span> → <span>batch norm</span> → <span>ReLU</span> → <span>conv</span> → <span>batch norm</span> →{' '}
        <span>ReLU</span> → …
      </p>
      <p>
        That way the activation always receives values centred near 0 with a known spread, where ReLU and tanh do their
        most useful work. Because the batch mean is subtracted, a bias in the convolution before it would be cancelled
        anyway; β takes its job, so the convolution is usually built with <code>bias: false</code>.
      </p>
      <p>
        For a dense layer a “feature” is one unit, and its statistics are taken over the N examples of the batch. A
        convolution's output has shape [N, C, H, W], and here a feature is a whole <strong>channel</strong>: the same
        filter produced every position of it, so all positions are normalised together, over the batch and over the
        image:
      </p>
      <TeX
        block
        tex={String.raw`\mu_c = \frac{1}{NHW}\sum_{n=1}^{N}\sum_{h=1}^{H}\sum_{w=1}^{W} x_{n,c,h,w}, \qquad \sigma_c^2 = \frac{1}{NHW}\sum_{n,h,w} \left(x_{n,c,h,w} - \mu_c\right)^2`}
      />
      <p>
        So for each layer there is one μ, one σ², one γ and one β per channel: a batch-norm layer after a 64-filter
        convolution learns 2 · 64 = 128 parameters, however large the image.
      </p>
      <Figure caption="A conv layer's output for a batch of two samples, two channels of 3×3. The chosen channel's statistics pool all 18 highlighted values, from both samples.">
        <ChannelStatistics />
      </Figure>
      <Callout tone="warning" title="Small batches">
        After a dense layer m is just the batch size: with a batch of 2, μ and σ² are estimated from two numbers, and
        their noise becomes noise in every output. Batch norm works best with batches of tens of examples.
      </Callout>
    </Section>
  );
}
