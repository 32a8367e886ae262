/** Section 6: overfitting and its remedies in a live run, and early stopping read off the curves. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { OverfitLab } from './OverfitLab';

export function LiveSection(): ReactElement {
  return (
    <Section id="live" title="Closing the gap, live">
      <p>
        Here is overfitting made to order. The lecture's CNN (two 5×5 convolutions with pooling, dense 100, dense 10:
        19,880 weights and biases) trains on just 300 digits, far too few for that many weights, and after every epoch
        is checked on 1,000 digits it never trains on. Run it once as it is: within about ten epochs it gets every
        training digit right and its training loss heads for zero, while the validation loss stops falling and starts to
        climb. The network is now memorising.
      </p>
      <Figure
        wide
        caption="Training loss is the mean over each epoch's batches, measured while training (with dropout and augmentation on, if chosen); validation loss is measured after the epoch on held-out digits. The orange line marks the epoch with the lowest validation loss."
      >
        <OverfitLab />
      </Figure>
      <p>
        Then switch on a regulariser and run again; the last finished run stays on the chart in grey. Measured with
        ConvLab's engine on this set-up, random shifts of up to two pixels help most (validation loss after 20 epochs
        about 0.32 instead of 0.52), dropout and L2 less. With dropout or augmentation the training loss is measured on
        the harder, randomised images, so it can even end up above the validation loss.
      </p>
      <p>
        <strong>Early stopping</strong> is the regulariser that needs no switch: keep the weights from the epoch with
        the lowest validation loss, and stop once it has not improved for a few epochs (the <em>patience</em>). The
        number of epochs is a hyperparameter like any other, and the validation set chooses it.
      </p>
      <Callout tone="tip" title="Try">
        Which regulariser closes the gap between the curves most? Does any of them make the validation curve stop
        rising, so that early stopping has nothing to do?
      </Callout>
    </Section>
  );
}
