/** Section 1: a grayscale image is a grid of bytes. Editing a byte redraws the picture. */
import { type ReactElement, useCallback, useState } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { Section } from '../../app/ui/Section';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { SMILEY } from './samples';

export function PixelsSection(): ReactElement {
  const [pixels, setPixels] = useState<readonly number[]>(SMILEY);
  const onEdit = useCallback((index: number, value: number): void => {
    setPixels((p) => p.map((v, i) => (i === index ? value : v)));
  }, []);
  return (
    <Section id="pixels" title="Pixels are numbers">
      <p>
        A computer never sees a picture. It sees a rectangle of <em>pixels</em>, and each pixel is a number saying how
        bright that spot is. In a grayscale image the usual convention is one byte per pixel: 0 is black, 255 is white,
        and everything between is a shade of grey.
      </p>
      <p>
        So an 8-pixel-wide, 8-pixel-tall grayscale image is nothing more than 64 numbers arranged in 8 rows of 8. Every
        operation a network performs on it — and everything later in this course — is arithmetic on those numbers.
      </p>
      <Figure
        wide
        caption="The same 8×8 image twice: drawn as pixels, and as its bytes. Edit a byte (0–255) and watch the picture change."
      >
        <div className="side-by-side">
          <ImageCanvas data={pixels} shape={[1, 8, 8]} scale={22} label="An 8 by 8 grayscale smiley face" readout />
          <TensorGrid
            values={pixels}
            rows={8}
            cols={8}
            label="Pixel bytes of the smiley"
            heat="sequential"
            range={[0, 255]}
            editable
            onEdit={onEdit}
            min={0}
            max={255}
            integer
          />
        </div>
      </Figure>
      <Callout tone="tip" title="Two ways to count">
        Rows come first, then columns: we write a position as (row, column), or (h, w) for height and width. Both count
        from 0 at the top-left corner.
      </Callout>
    </Section>
  );
}
