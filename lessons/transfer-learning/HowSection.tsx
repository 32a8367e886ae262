/** Section 3: how a transfer net is written in ConvLab's model spec and how its weights get there. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Section } from '../../app/ui/Section';

const SPEC = `{ "type": "conv2d", "id": "conv1", "filters": 16, "kernel": 5,
  "activation": "relu", "trainable": false },
{ "type": "maxpool", "size": 2 },
{ "type": "conv2d", "id": "conv2", "filters": 32, "kernel": 5,
  "activation": "relu", "trainable": false },
{ "type": "maxpool", "size": 2 },
{ "type": "flatten" },
{ "type": "dense", "id": "head59", "units": 10 }`;

export function HowSection(): ReactElement {
  return (
    <Section id="how" title="Freezing and copying, in a model spec">
      <p>Three steps turn a trained network into a transfer net:</p>
      <ol>
        <li>
          <strong>Keep the trunk’s layer ids.</strong> Weights are stored by name, <code>conv1.weight</code>,{' '}
          <code>conv1.bias</code> and so on, so a layer with the same id and shape can take the trained numbers.
        </li>
        <li>
          <strong>Give the head a new id.</strong> The old head scored the old classes. A new id means no stored weights
          match it, so it starts from a fresh random initialisation.
        </li>
        <li>
          <strong>Freeze what should not move.</strong> <code>"trainable": false</code> on a layer makes every optimiser
          leave its parameters alone. Gradients still flow through it to anything trainable below, but here nothing
          below is trainable.
        </li>
      </ol>
      <pre className="tl-code">
        <code>{SPEC}</code>
      </pre>
      <p>
        Then build the new net, which gives every layer fresh weights, and overwrite the trunk’s entries with the
        pretrained ones before training starts. For fine-tuning, leave out the <code>trainable</code> lines: the same
        weights are copied, and every layer may move.
      </p>
      <Callout tone="warning" title="A common slip">
        Fine-tuning with the learning rate you would use from scratch can wreck the features you copied in the first few
        steps, while the new head is still random and its gradients are large. A smaller learning rate, or a few steps
        with the trunk frozen before unfreezing it, protects them.
      </Callout>
    </Section>
  );
}
