/** Section 4: pretrain on 0-4, then learn 5-9 frozen / fine-tuned / from scratch, at 50 and 500 images. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { BATCH_SIZE, EPOCHS, LEARNING_RATE, PRETRAIN_EPOCHS, PRETRAIN_SHIFT } from './experiment';
import { TransferLab } from './TransferLab';

export function ExperimentSection(): ReactElement {
  return (
    <Section id="experiment" title="Digits 0-4, then 5-9, live">
      <p>
        A small version of the real thing, in your browser. A net of two 5×5 convolutions (16 and 32 filters, each
        followed by a 2×2 max pool) and one dense layer first learns the digits 0 to 4 from every such image in the
        embedded MNIST set, for {PRETRAIN_EPOCHS} epochs with each image shifted by up to {PRETRAIN_SHIFT} pixels at
        random. That is the “large dataset” this lesson can afford.
      </p>
      <p>
        Then the task changes to 5 to 9, digits the net has never seen, with only a few labelled images. Three new nets
        learn it side by side, each in its own worker:
      </p>
      <ul>
        <li>
          <strong>frozen trunk, new head</strong>: the pretrained conv layers, frozen, under a new dense head (case 1);
        </li>
        <li>
          <strong>fine-tune everything</strong>: the same start, but every layer may move (case 2);
        </li>
        <li>
          <strong>from scratch</strong>: the same net from random weights.
        </li>
      </ul>
      <p>
        All three use one seed, so their heads start from the same numbers, and one optimiser (Adam, learning rate{' '}
        {LEARNING_RATE}), so the only difference is where the conv layers start and whether they may move. First they
        get 50 labelled images ({EPOCHS[50]} epochs in batches of {BATCH_SIZE[50]}), then 500 ({EPOCHS[500]} epochs in
        batches of {BATCH_SIZE[500]}). Accuracy is measured after every epoch on about 500 held-out images of 5 to 9.
      </p>
      <Figure
        wide
        caption="For each number of labelled images: validation accuracy on 5-9 after each epoch (top) and training loss at every step (bottom), the three runs on the same axes."
      >
        <TransferLab />
      </Figure>
      <Callout tone="tip" title="What to look for">
        With 50 images, the frozen trunk usually ends ahead of the net trained from scratch: its features were learned
        from thousands of images, and only its head (5,130 numbers) has to be fitted to the 50. The scratch net drives
        its training loss just as low, but what it learns from 50 images generalises less. With 500 images the order
        changes: scratch and fine-tuning catch up and pass the frozen trunk, whose features were never adjusted to 5-9.
      </Callout>
      <p>
        The effect here is modest, and it depends on which 50 images you get. Digits are an easy problem, and even 50 of
        them teach a small net a lot: on two other draws of 50 images we measured the frozen trunk ahead of scratch by
        under one point and by almost six. On real photos, with networks of millions of weights, a few hundred images
        are nowhere near enough to train from scratch, and the gap is far larger. The order of the three, and how it
        changes with the amount of data, is the part that carries over.
      </p>
    </Section>
  );
}
