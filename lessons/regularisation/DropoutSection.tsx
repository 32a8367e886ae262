/** Section 2: dropout, its inverted scaling, and why the expectation makes test time simple. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { DropoutAverage } from './DropoutAverage';
import { DropoutMask } from './DropoutMask';

export function DropoutSection(): ReactElement {
  return (
    <Section id="dropout" title="Dropout">
      <p>
        Dropout (Hinton, Srivastava and colleagues, 2012) sets the output of each hidden unit to zero with some
        probability <TeX tex="p" /> on every training pass, with a fresh random choice each time. No unit can rely on a
        particular partner being present, so units cannot co-adapt into fragile combinations that only fit the training
        images; each has to be useful on its own. AlexNet dropped units of its first two fully connected layers with{' '}
        <TeX tex="p = 0.5" />.
      </p>
      <Figure caption="A layer of 64 units in training: each is dropped with probability p (grey). Press R or “New mask” for another draw; switch to Test to see the same layer with dropout off.">
        <DropoutMask />
      </Figure>
      <p>
        Dropping units changes the size of what the next layer receives: with half the units gone, the sum into each
        unit of the next layer is about half as large. At test time we want every unit, and no randomness, so something
        has to make up the difference. There are two ways:
      </p>
      <ul>
        <li>
          the original paper trains with plain zeros and, at test time, multiplies the outputs by <TeX tex="1 - p" />{' '}
          (for <TeX tex="p = 0.5" />, simply by 0.5);
        </li>
        <li>
          <strong>inverted dropout</strong>, which every framework (and ConvLab's engine) uses, scales the kept units up
          by <TeX tex="1/(1-p)" /> during training and leaves test time alone.
        </li>
      </ul>
      <p>Either way the expected value of a unit in training equals its value at test time:</p>
      <TeX
        block
        tex="\mathbb{E}[\tilde a] = (1-p)\cdot\frac{a}{1-p} + p\cdot 0 = a, \qquad \tilde a = \begin{cases} a/(1-p) & \text{kept} \\ 0 & \text{dropped} \end{cases}"
      />
      <Figure caption="Average many masked passes of the same layer: the mean output of each unit approaches its value without dropout. Untick the scaling to see the means settle at (1 − p)·x instead.">
        <DropoutAverage />
      </Figure>
    </Section>
  );
}
