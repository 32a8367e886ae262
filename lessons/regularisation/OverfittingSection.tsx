/** Section 1: what overfitting is, and the three-way split that lets us see it. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Section } from '../../app/ui/Section';

export function OverfittingSection(): ReactElement {
  return (
    <Section id="overfitting" title="Overfitting and the validation set">
      <p>
        A network with tens of thousands of weights can do more than learn what digits look like: given few enough
        examples, it can simply memorise them. Its training loss keeps falling towards zero while its answers on new
        images stop improving and then get worse. That is <strong>overfitting</strong>. Its opposite,{' '}
        <strong>underfitting</strong>, is a model too weak to capture the trend in the data at all, like a straight line
        fitted to a curve.
      </p>
      <p>
        Overfitting can only be seen on data the network does not learn from, which is why the data is split in three:
      </p>
      <ol>
        <li>
          <strong>training data</strong> to learn the weights;
        </li>
        <li>
          <strong>validation data</strong> to detect overfitting, and to choose the hyperparameters: how many epochs to
          train for, the architecture, the learning rate;
        </li>
        <li>
          <strong>test data</strong>, touched once at the end, to measure how accurate the finished model is.
        </li>
      </ol>
      <p>
        Every remedy in this lesson is a <strong>regulariser</strong>: something that makes memorising harder without
        making learning impossible. AlexNet, the 2012 ImageNet winner, used two of them against overfitting, data
        augmentation and dropout, plus L2 weight decay of 0.0005. The last section puts them to work on a network that
        overfits in front of you.
      </p>
      <Callout tone="warning" title="Keep the test set out of it">
        Choosing the epoch, the drop rate or the augmentation by looking at test accuracy quietly trains on the test
        set. Tune on validation; report test once.
      </Callout>
    </Section>
  );
}
