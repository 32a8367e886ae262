/** Section 5: why outputs that are all positive make learning zig-zag. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ZeroCentredTable } from './ZeroCentredTable';

export function CentredSection(): ReactElement {
  return (
    <Section id="zero-centred" title="Zero-centred outputs">
      <p>
        Consider a unit in the next layer, <TeX tex="z = \sum_i w_i a_i + b" />. The gradient on each of its weights is{' '}
        <TeX tex="\partial L / \partial w_i = (\partial L / \partial z)\, a_i" />. If every input <TeX tex="a_i" /> is
        positive, as sigmoid and ReLU outputs always are, then all these gradients share the sign of{' '}
        <TeX tex="\partial L/\partial z" />: in one step the weights can all grow or all shrink, never some of each.
        Reaching a target that needs mixed moves takes a zig-zag of steps.
      </p>
      <ZeroCentredTable />
      <p>
        tanh’s outputs are balanced around zero, which is why the lecture calls it zero-centred (“nice”), though it
        still saturates. ReLU is not zero-centred; ELU and the leaky variants pull the mean a little towards zero.
      </p>
    </Section>
  );
}
