/** Section 5: saliency maps, |dS_c/dI|. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { SaliencyView } from './SaliencyView';

export function SaliencySection(): ReactElement {
  return (
    <Section id="saliency" title="Saliency maps">
      <p>
        Back-propagation gives the gradient of the loss with respect to the weights; the same pass, one step further,
        gives the gradient of any number with respect to the input pixels. Take the class score <TeX tex="S_c(I)" />,
        the logit before softmax, and its gradient <TeX tex="\partial S_c / \partial I" />: a 28×28 array saying how
        fast the score changes as each pixel changes. Its size is a <em>saliency map</em> (Simonyan, Vedaldi and
        Zisserman, 2014):
      </p>
      <TeX block tex="M_{ij} = \left| \frac{\partial S_c}{\partial I_{ij}} \right|" />
      <p>
        For a linear score <TeX tex="S_c = w^\top I + b" /> the map is just <TeX tex="|w|" />; for a CNN it is a
        different linear approximation around every image, which is why it changes from digit to digit.
      </p>
      <Figure
        wide
        caption="The chosen digit, and the size of the class score’s gradient at each pixel (white: largest)."
      >
        <SaliencyView />
      </Figure>
      <Callout tone="note" title="What it shows, and what it does not">
        A saliency map says where a small change would move the score most, not where the evidence is. Pixels in the
        background often light up: adding ink there would turn a 1 into a 7, so the score of 1 is sensitive to them. The
        maps are also noisy, because a ReLU net’s gradient jumps as units switch on and off.
      </Callout>
    </Section>
  );
}
