/** Section 8: DeconvNet and guided backpropagation, in words. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';

export function DeconvSection(): ReactElement {
  return (
    <Section id="deconv" title="DeconvNets and guided backpropagation">
      <p>
        Saliency maps are noisy because every path through the net contributes to the gradient, including paths through
        units that make the score smaller. Zeiler and Fergus (2013) projected a unit’s activation back to pixel space
        with a <em>DeconvNet</em> attached to the trained net: it reverses each layer, convolving with the transposed
        filters, and undoing max pooling with <em>unpooling</em>, which puts each value back where the pool’s{' '}
        <em>switch</em> recorded the maximum came from. At each ReLU it passes only positive signals going backwards,
        whatever the forward pass did. The result shows which pixels drove one unit in one image, and the famous grids
        of layer-by-layer “what the unit sees” pictures are made this way.
      </p>
      <p>
        Back-propagation through a ReLU keeps the gradient where the <em>forward</em> input was positive; the DeconvNet
        keeps it where the <em>backward</em> signal is positive. <em>Guided backpropagation</em> (Springenberg et al.,
        2015) does both: a gradient passes a ReLU only if the unit was on and the signal is positive, that is, only
        along paths that both fired and push the score up. The maps come out far sharper than plain saliency, at the
        price of no longer being the gradient of anything. The views on this page all use the true gradient, or no
        gradient at all, so every number they show is one you can check.
      </p>
    </Section>
  );
}
