/** Section 4: the input gradient of a convolution is a full convolution with the rotated kernel. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ConvBackwardCompare } from './ConvBackwardCompare';

export function ConvBackwardSection(): ReactElement {
  return (
    <Section id="conv-backward" title="The backward pass of a convolution">
      <p>
        In the forward pass, input pixel <TeX tex="x_{ab}" /> is multiplied by weight <TeX tex="w_{uv}" /> in exactly
        one output, <TeX tex="y_{a-u,\,b-v}" /> (when that output exists). So its gradient collects one term per kernel
        weight:
      </p>
      <TeX
        block
        tex="\frac{\partial L}{\partial x_{ab}} = \sum_{u,v} \frac{\partial L}{\partial y_{a-u,\,b-v}}\; w_{uv}"
      />
      <p>
        The indices run backwards: this is a <em>true</em> convolution of <TeX tex="\partial L/\partial y" /> with{' '}
        <TeX tex="w" />, which is the same as sliding the kernel rotated by 180° in the usual cross-correlation way.
        Pixels near the border are covered by fewer windows, so <TeX tex="\partial L/\partial y" /> is first padded with{' '}
        <TeX tex="k-1" /> zeros on every side: a <em>full</em> convolution, whose output is as large as the input (
        <TeX tex="4 + 2 - 2 + 1 = 5" />
        ).
      </p>
      <Figure
        wide
        caption="Left: the engine's conv2dBackward, which never flips anything (it multiplies by the transposed weight matrix and scatters the columns back). Right: the engine's forward convolution applied to the padded gradient with the rotated kernel. Same numbers."
      >
        <ConvBackwardCompare />
      </Figure>
      <Callout title="And the kernel's gradient?">
        <TeX tex="\partial L/\partial w_{uv} = \sum_{ij} \partial L/\partial y_{ij}\; x_{i+u,\,j+v}" />: slide{' '}
        <TeX tex="\partial L/\partial y" /> over the input like a kernel (no flip). A weight is shared by every window,
        so its gradient is the sum over every position where it was used.
      </Callout>
    </Section>
  );
}
