/** Section 1: why a network needs a non-linear function between its layers at all. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function IntroSection(): ReactElement {
  return (
    <Section id="why" title="Why bend the line?">
      <p>
        A layer of a network computes weighted sums of its inputs. Put two such layers one after the other and you get
        weighted sums of weighted sums, which are still just weighted sums: the two matrices multiply into one.
      </p>
      <TeX block tex="W_2 (W_1 x + b_1) + b_2 = (W_2 W_1)\,x + (W_2 b_1 + b_2) = W' x + b'" />
      <p>
        However many purely linear layers you stack, the result can only draw straight decision boundaries. The fix is
        to pass every unit’s sum through a fixed non-linear function <TeX tex="g" />, the <em>activation</em>, before
        the next layer reads it: <TeX tex="a = g(Wx + b)" />. Which <TeX tex="g" /> you choose matters twice: in the
        forward pass it shapes what a unit can output, and in the backward pass its derivative <TeX tex="g'" />{' '}
        multiplies every gradient that flows back through the unit.
      </p>
    </Section>
  );
}
