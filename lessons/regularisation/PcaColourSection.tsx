/** Section 4: AlexNet's PCA colour augmentation, on generated scenes or CIFAR-10, and why digits get nothing from it. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import type { DatasetSplits } from '../../engine/data/dataset';
import { GreyPca } from './GreyPca';
import { MnistGate } from './MnistGate';
import { PcaColour } from './PcaColour';

export function PcaColourSection({ cifar }: { readonly cifar: DatasetSplits | null }): ReactElement {
  return (
    <Section id="pca-colour" title="PCA colour augmentation">
      <p>
        AlexNet's colour shift is cleverer than a random tint. Collect the RGB values of every pixel of the training set
        and compute their <TeX tex="3 \times 3" /> covariance matrix. Its eigenvectors <TeX tex="p_1, p_2, p_3" /> are
        the principal components of colour, the directions in which pixel colours actually vary, and its eigenvalues{' '}
        <TeX tex="\lambda_1 \ge \lambda_2 \ge \lambda_3" /> say how much they vary along each. Then, to every pixel of
        an image, add
      </p>
      <TeX
        block
        tex="[\,p_1\ p_2\ p_3\,]\,[\,\alpha_1\lambda_1,\ \alpha_2\lambda_2,\ \alpha_3\lambda_3\,]^{T}, \qquad \alpha_i \sim \mathcal{N}(0,\ 0.1^2)"
      />
      <p>
        with one draw of <TeX tex="\alpha_1, \alpha_2, \alpha_3" /> per image per use. The shift follows the ways colour
        already varies in the data (for outdoor pictures mostly lighter or darker, then warmer or cooler) in proportion
        to how much it varies, as changes of lighting do, without inventing colours the data never has. Together with
        the random crops, this colour shift is credited with about one percentage point of AlexNet's improvement.
      </p>
      <Figure
        wide
        caption={
          cifar
            ? 'The covariance, eigenvalues and eigenvectors are computed by the engine from the pictures chosen; each copy adds its own draw. σ = 0.1 is the paper’s value and barely visible; raise it to see which way colours move.'
            : 'Twelve landscapes generated in the page stand in for photos until CIFAR-10 is loaded (see the previous section). The statistics are the engine’s; each copy adds its own draw. σ = 0.1 is the paper’s value and barely visible; raise it to see which way colours move.'
        }
      >
        <PcaColour cifar={cifar?.train ?? null} />
      </Figure>
      <h3>Why it does nothing for the digits</h3>
      <p>
        An MNIST digit has one channel. There is no colour to shift, and even written as RGB its three channels are
        equal at every pixel, so all the variation lies along one direction, <TeX tex="(1, 1, 1)/\sqrt{3}" />, and the
        other two eigenvalues are zero. Every draw then adds the same amount to red, green and blue: a change of
        brightness, which brightness jitter already does. The engine finds exactly that:
      </p>
      <Figure caption="The colour statistics of 200 digits with R = G = B: one non-zero eigenvalue, eigenvector (0.577, 0.577, 0.577).">
        <MnistGate>{(mnist) => <GreyPca mnist={mnist} />}</MnistGate>
      </Figure>
    </Section>
  );
}
