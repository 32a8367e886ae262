/** Section 1: the degradation problem, from the lecture's CIFAR-10 and ImageNet results. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Section } from '../../app/ui/Section';

/** The lecture's single-model ImageNet validation errors (%), residual nets by depth, VGG for scale. */
const IMAGENET: readonly (readonly [string, string, string])[] = [
  ['VGG (v5)', '24.4', '7.1'],
  ['ResNet-34 B', '21.84', '5.71'],
  ['ResNet-34 C', '21.53', '5.60'],
  ['ResNet-50', '20.74', '5.25'],
  ['ResNet-101', '19.87', '4.60'],
  ['ResNet-152', '19.38', '4.49'],
];

export function DegradationSection(): ReactElement {
  return (
    <Section id="degradation" title="Deeper is not always better">
      <p>
        By 2015 the winning ImageNet networks had gone from AlexNet’s 8 layers to VGG’s 19 and GoogLeNet’s 22, and each
        step deeper had paid. The obvious next move was to keep stacking. He and colleagues tried it on CIFAR-10 with
        plain networks, stacks of 3×3 convolutions with ReLU and batch norm, of 20 and of 56 layers. The 56-layer net
        was worse, and not only on the test images: its <em>training</em> error sat above the 20-layer net’s for the
        whole run.
      </p>
      <p>
        That rules out overfitting. An overfitting net does better on its training data and worse on new data; this one
        does worse on both. It is not the vanishing gradients of sigmoid nets either: ReLU, careful initialisation and
        batch normalisation were all in place. The paper calls it the <strong>degradation problem</strong>: as depth
        grows, accuracy saturates and then falls, because the deeper net is harder to <em>optimise</em>.
      </p>
      <Callout tone="note" title="A deeper net that cannot be worse">
        Take the trained 20-layer net and add 36 layers that each copy their input to their output (identity maps). This
        56-layer net computes exactly what the 20-layer one does, so a 56-layer net at least as good as the 20-layer net
        exists. Gradient descent just does not find it: a stack of convolutions and ReLUs has a hard time learning to be
        an identity.
      </Callout>
      <p>
        Residual networks make that identity the default. With them, depth helps again: in the lecture’s ImageNet
        results each deeper ResNet has the lower error, all the way to 152 layers, and the 152-layer net still needs
        fewer operations than VGG (11.3 billion FLOPs against VGG-16’s 15.3 and VGG-19’s 19.6; ResNet-50 needs 3.8).
      </p>
      <div className="rc-table-scroll">
        <table className="data-table" data-testid="imagenet-errors">
          <caption>ImageNet validation error, single model (%), from the lecture</caption>
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col">Top-1 error</th>
              <th scope="col">Top-5 error</th>
            </tr>
          </thead>
          <tbody>
            {IMAGENET.map(([name, top1, top5]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{top1}</td>
                <td>{top5}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        B and C are two ways of handling the shortcut of ResNet-34: projections only where the shape changes (B), or
        projections on every shortcut (C). The small gain from C is why identity shortcuts are the rule.
      </p>
    </Section>
  );
}
