/** Section 1: what an adversarial example is, and the fast gradient sign method. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function IntroSection(): ReactElement {
  return (
    <Section id="attack" title="A change you cannot see">
      <p>
        Training moves the weights downhill on the loss, holding the image fixed. Nothing stops us doing the opposite:
        hold the weights fixed and move the <em>image</em> uphill on the loss of its true label. Back-propagation gives
        the gradient <TeX tex="\nabla_x L(x, y)" /> with respect to every pixel as easily as with respect to every
        weight.
      </p>
      <p>
        The fast gradient sign method (Goodfellow, Shlens and Szegedy, 2015) takes one step, of the same size{' '}
        <TeX tex="\varepsilon" /> on every pixel, in the direction that raises the loss:
      </p>
      <TeX block tex="x' = x + \varepsilon \,\operatorname{sign}\big(\nabla_x L(x, y)\big)" />
      <p>
        and then clips <TeX tex="x'" /> back to the valid range [0, 1]. No pixel changes by more than{' '}
        <TeX tex="\varepsilon" />, so for small <TeX tex="\varepsilon" /> the new image looks the same to us. To the net
        it can be a different digit.
      </p>
    </Section>
  );
}
