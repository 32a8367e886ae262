/** Section 1: the net the lesson inspects, trained in the page. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { EPOCHS, TRAIN_LIMIT } from './net';
import { TrainPanel } from './TrainPanel';

export function TrainSection(): ReactElement {
  return (
    <Section id="train" title="A net to look inside">
      <p>
        A trained CNN is millions of numbers, or here about nine thousand. They were not designed by anyone: gradient
        descent chose them to lower a loss. This lesson asks what they ended up computing, with the tools researchers
        use on ImageNet nets, applied to a net small enough to train in your browser in well under a minute.
      </p>
      <p>
        The net: three 3×3 convolutions with 8, 16 and 32 filters and ReLU, a 2×2 max pool after each of the first two,
        then <em>global average pooling</em> (each of the 32 last maps becomes its mean) and one dense layer to the ten
        digits. It sees {TRAIN_LIMIT.toLocaleString('en-US')} handwritten digits {EPOCHS} times, in a Web Worker.
      </p>
      <Figure caption="Train the net once; every view below then inspects its weights. Before training they show a random net, which is worth a look too.">
        <TrainPanel />
      </Figure>
      <Callout tone="tip" title="Look before and after">
        Every view works on whatever weights the net has when it is not training. Look at the filters now, while they
        are random, then train and look again.
      </Callout>
    </Section>
  );
}
