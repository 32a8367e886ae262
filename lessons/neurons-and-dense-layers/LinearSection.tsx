/** Section 3: a single dense layer on raw pixels is a linear classifier; its rows are templates. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { LinearTrainer } from './LinearTrainer';

export function LinearSection(): ReactElement {
  return (
    <Section id="linear-classifier" title="The linear classifier and its templates">
      <p>
        Flatten an image into one long vector <TeX tex="x" /> and apply a single dense layer with one output per class,
        without an activation. That is the <strong>linear classifier</strong>:
      </p>
      <TeX block tex="f(x; W) = Wx + b,\qquad W \in \mathbb{R}^{K \times D}" />
      <p>
        Each of the <TeX tex="K" /> rows of <TeX tex="W" /> produces one class score as a dot product with the image,
        and the highest score wins. For CIFAR-10’s 32×32 colour images <TeX tex="D = 32 \cdot 32 \cdot 3 = 3072" />, so{' '}
        <TeX tex="W" /> is 10×3072; on grey 32×32 images it would be 10×1024. Because a row scores an image by how well
        the two line up pixel for pixel, you can draw each row as a picture: a single <em>template</em> for its class.
      </p>
      <p>
        The lecture reports about 40% test accuracy for such a classifier on CIFAR-10, with trucks recognised best and
        horses worst. Train one here and see what you get. The loss and templates update as it learns; the per-class
        accuracy appears after each epoch.
      </p>
      <Figure
        wide
        caption="A linear classifier trained in this page by the engine: training loss, the ten rows of W as images, and test accuracy per class."
      >
        <LinearTrainer />
      </Figure>
      <Callout tone="note" title="One template per class is a hard limit">
        A horse facing left and a horse facing right must share one template, which ends up a blurry average of both.
        Hidden layers lift that limit, which is where the rest of the course is going.
      </Callout>
    </Section>
  );
}
