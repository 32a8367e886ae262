/** Section 4: real handwritten digits from MNIST, browsed byte by byte. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import { MnistBrowser } from './MnistBrowser';

export function MnistSection(): ReactElement {
  return (
    <Section id="mnist" title="Real digits: MNIST">
      <p>
        MNIST is the classic first dataset for image classifiers: photographs of handwritten digits, each cropped and
        centred in a 28×28 grayscale image and labelled with the digit it shows, 0 to 9. A single image is a tensor of
        shape <code>(1, 28, 28)</code>, 784 bytes; a batch of 64 is <code>(64, 1, 28, 28)</code>.
      </p>
      <p>
        ConvLab ships 10,000 of these digits inside the page. Filter by class, pick a digit, and hover its grid: the
        bright strokes are the large numbers. The network you train later sees exactly these bytes (scaled to 0–1), and
        nothing else.
      </p>
      <MnistBrowser />
    </Section>
  );
}
