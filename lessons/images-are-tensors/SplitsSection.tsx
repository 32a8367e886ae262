/** Section 6: training, validation and test sets, and what each is for. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';

const PARTS = [
  { name: 'Training', share: 70 },
  { name: 'Validation', share: 15 },
  { name: 'Test', share: 15 },
] as const;

export function SplitsSection(): ReactElement {
  return (
    <Section id="splits" title="Train, validation, test">
      <p>A labelled dataset is divided into three parts that never share an image:</p>
      <ul className="prose-list">
        <li>
          The <strong>training set</strong> is what the network learns from: its weights are adjusted to fit these
          examples.
        </li>
        <li>
          The <strong>validation set</strong> is held back from learning. Watching accuracy on it shows when the network
          starts to memorise the training images instead of generalising (overfitting), and it is where you compare
          choices such as the number of hidden units, the architecture or the learning rate.
        </li>
        <li>
          The <strong>test set</strong> is used at the very end to measure how well the chosen model does on images it
          has never influenced.
        </li>
      </ul>
      <Figure caption="One possible split, 70 / 15 / 15. The proportions vary; the separation does not.">
        <div className="split-bar" role="img" aria-label="Training 70 percent, validation 15 percent, test 15 percent">
          {PARTS.map((p) => (
            <div
              key={p.name}
              className={`split-part split-part--${p.name.toLowerCase()}`}
              style={{ flexGrow: p.share }}
            >
              <strong>{p.name}</strong>
              <span>{p.share}%</span>
            </div>
          ))}
        </div>
      </Figure>
      <Callout tone="warning" title="Why not tune on the test set?">
        Every decision made by looking at a set leaks a little of it into the model. If you pick the learning rate that
        scores best on the test set, the test score is no longer an honest estimate for new images. That is the job the
        validation set exists to do.
      </Callout>
    </Section>
  );
}
