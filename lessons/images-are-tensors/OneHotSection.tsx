/** Section 5: class labels written as one-hot vectors. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { OneHotVector } from './OneHotVector';

const ANIMALS: readonly string[] = ['cat', 'dog', 'cow', 'horse'];

export function OneHotSection(): ReactElement {
  return (
    <Section id="one-hot" title="Labels as one-hot vectors">
      <p>
        The label of a digit is a category, not a quantity: a “7” is not “more” than a “3”. Training a classifier with
        the raw number would suggest an order that is not there. Instead, with <TeX tex="K" /> classes, the label of
        class <TeX tex="k" /> becomes a vector of length <TeX tex="K" /> that is zero everywhere except for a single 1
        at position <TeX tex="k" />:
      </p>
      <TeX block tex="y_j = \begin{cases} 1 & j = k \\ 0 & j \ne k \end{cases} \qquad j = 0, 1, \dots, K-1" />
      <p>
        This is <strong>one-hot</strong> encoding. It also has the right form to compare with what the network outputs:
        one score (later, one probability) per class. The lecture’s example uses four animal classes:
      </p>
      <div className="one-hot-examples">
        {ANIMALS.map((name, k) => (
          <OneHotVector key={name} label={k} classNames={ANIMALS} caption={`${name}: class ${k}`} />
        ))}
      </div>
      <p>
        For MNIST, <TeX tex="K = 10" />; the zoomed digit above shows its own one-hot label.
      </p>
    </Section>
  );
}
