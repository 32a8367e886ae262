/** Section 1: the training loop of the lecture: sample, forward, backprop, update. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function LoopSection(): ReactElement {
  return (
    <Section id="loop" title="The training loop">
      <p>
        Backpropagation tells us, for every weight, which way is uphill for the loss. Training is the loop that uses it:
        take a small step downhill, and repeat. The lecture writes it for a softmax classifier as
      </p>
      <pre className="gd-code">
        <code>
          {
            'for i in 0 … num_epochs:\n    for x, y in data:\n        ŷ  = SM(W x)\n        L  = CE(ŷ, y)\n        dL/dW = backprop(L)\n        W := W − α · dL/dW'
          }
        </code>
      </pre>
      <p>
        Real networks do not update after every single sample, nor only after the whole data set. They use{' '}
        <strong>mini-batch stochastic gradient descent</strong>, four steps repeated until the loss stops falling:
      </p>
      <ol className="gd-steps">
        <li>
          <strong>Sample</strong> a batch of <TeX tex="B" /> training examples.
        </li>
        <li>
          <strong>Forward</strong> it through the network and compute the loss, averaged over the batch.
        </li>
        <li>
          <strong>Backprop</strong> to get the gradient of that loss for every parameter.
        </li>
        <li>
          <strong>Update</strong> every parameter a step against its gradient:{' '}
          <TeX tex="w \leftarrow w - \alpha\, \nabla_w L" />.
        </li>
      </ol>
      <p>
        The batch's average gradient is a noisy estimate of the gradient over all the data: cheap to compute, and right
        on average. The step size <TeX tex="\alpha" />, the <strong>learning rate</strong>, is the one number you must
        choose yourself, and the next section shows why it matters so much.
      </p>
      <Callout title="Why “stochastic”">
        Each batch is drawn at random, so each step follows a slightly different gradient. The path wobbles, but far
        more steps fit in the same time than with full-batch descent.
      </Callout>
    </Section>
  );
}
