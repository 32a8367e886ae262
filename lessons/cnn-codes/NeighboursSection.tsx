/** Section 4: nearest neighbours by code against nearest neighbours by pixels. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';
import { NeighboursView } from './NeighboursView';
import type { CodesState } from './useCodes';

export function NeighboursSection({
  codes,
  picked,
  onPick,
}: {
  readonly codes: CodesState;
  readonly picked: number;
  readonly onPick: (index: number) => void;
}): ReactElement {
  return (
    <Section id="neighbours" title="Neighbours by code and by pixels">
      <p>
        A map squeezes 32 dimensions into 2 and must distort something. The neighbours themselves need no map: for the
        picked image, here are the 8 images whose codes are closest to its code in plain Euclidean distance, and the 8
        whose raw pixels are closest to its pixels. Click a dot on the map (or press Enter on it) to pick it.
      </p>
      {codes.status === 'ready' ? (
        <NeighboursView codes={codes.codes} picked={picked} onPick={onPick} />
      ) : (
        <p className="muted">Compute the codes above first.</p>
      )}
      <p>
        In pixel space a digit’s neighbours are the images that cover the same pixels: a slanted 1 sits next to a 7
        drawn with the same slant, a thick 0 next to a thick 6. In code space, after training, they are the images the
        net thinks are the same digit, however they are drawn. Before training the two lists look much the same: a
        random net’s code is little more than a blurred, mixed copy of the pixels. This is what makes codes worth
        reusing, and why image retrieval by CNN code finds a dog seen from the other side.
      </p>
    </Section>
  );
}
