/** Section 3: data augmentation on real digits (and CIFAR-10 photos when loaded), with the lecture's counts. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import type { DatasetSplits } from '../../engine/data/dataset';
import { CifarSource } from '../neurons-and-dense-layers/CifarSource';
import { AugmentExplorer } from './AugmentExplorer';
import { MnistGate } from './MnistGate';

export interface AugmentationSectionProps {
  readonly cifar: DatasetSplits | null;
  readonly onCifar: (splits: DatasetSplits) => void;
}

export function AugmentationSection({ cifar, onCifar }: AugmentationSectionProps): ReactElement {
  return (
    <Section id="augmentation" title="Data augmentation">
      <p>
        More data is the surest cure for overfitting, and some of it can be made for free: change the pixels of a
        training image in ways that do not change its label, and train on the changed copies. A cat mirrored left to
        right is still a cat. The network never sees quite the same image twice, so memorising them stops paying.
      </p>
      <p>The standard changes, all drawn at random each time an image is used:</p>
      <ol>
        <li>
          <strong>horizontal flips</strong>: one image becomes two;
        </li>
        <li>
          <strong>random crops</strong> (and scales): cut a slightly smaller window at a random place, or pad the image
          with zeros and cut a window of the original size, which shifts the content by a few pixels;
        </li>
        <li>
          <strong>colour and contrast jitter</strong>: brighten or darken, stretch or flatten the contrast, shift the
          colours a little;
        </li>
        <li>and beyond: small rotations, stretching, shearing, lens distortions.</li>
      </ol>
      <Figure
        wide
        caption="One picture, eight training images: each copy is the engine's augmentBatch applied with the settings above. For the digits, mirroring is a mistake: a mirrored 3 is not a digit at all, so that augmentation changes the label."
      >
        <MnistGate>{(mnist) => <AugmentExplorer mnist={mnist} cifar={cifar?.test ?? null} />}</MnistGate>
      </Figure>
      {cifar ? (
        <p data-testid="cifar-status">
          CIFAR-10 is loaded: choose “Photos (CIFAR-10)” above; flips are switched on for photos, where they keep the
          label.
        </p>
      ) : (
        <div className="reg-cifar" data-testid="cifar-status">
          <p>
            Photos show flips and colour changes better than digits do. If the full CIFAR-10 is available, load it here
            and the explorer above (and the PCA colour section below) will offer it:
          </p>
          <CifarSource onReady={onCifar} />
        </div>
      )}
      <p>
        How many images does one become? The lecture counts them for AlexNet, which trained on 224×224 patches cut from
        256×256 images plus their mirror images: a factor of <TeX tex="32 \times 32 \times 2 = 2048" />, where the two
        comes from the reflections. (Counting whole-pixel positions exactly there are 33 per axis, since{' '}
        <TeX tex="256 - 224 + 1 = 33" />, which gives 2,178; either way, about two thousand.) At test time AlexNet
        averaged ten crops, the four corners and the centre and their mirror images: crop plus flip makes ten images of
        one.
      </p>
      <p>
        With zero padding the count is the same idea: padding by <TeX tex="P" /> and cutting back to the original size
        leaves <TeX tex="2P + 1" /> positions along each axis, so <TeX tex="(2P+1)^2" /> different crops, twice that
        with flips. Add continuous colour jitter and, in the lecture's words, not a single patch will be the same during
        training: a factor of infinity.
      </p>
      <Callout tone="tip" title="Augment only what the label survives">
        Flips suit photos of cats and cars, not digits or text. Shifts by a couple of pixels suit digits well: a 7 moved
        two pixels right is still a 7.
      </Callout>
    </Section>
  );
}
