/** Section 1: the output-size formula and the arithmetic explorer. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { ArithmeticExplorer } from './ArithmeticExplorer';

export function OutputSizeSection(): ReactElement {
  return (
    <Section id="output-size" title="How big is the output?">
      <p>
        In the last lesson the kernel moved one pixel at a time over the bare image. Real layers have three more knobs.
        <strong> Padding</strong> P adds a border of zeros around the input before sliding. <strong>Stride</strong> S is
        how many pixels the window jumps between positions. <strong>Dilation</strong> D spreads the kernel's taps apart,
        leaving gaps. Together with the input size and the kernel size they fix the size of the output. The lecture sums
        it up for an input of width <TeX tex="W_1" />:
      </p>
      <TeX block tex="W_2 = \frac{W_1 - F + 2P}{S} + 1" />
      <p>
        The reasoning is a count of positions. The padded input is <TeX tex="W_1 + 2P" /> pixels wide; the window's left
        edge can start anywhere from 0 to <TeX tex="W_1 + 2P - F" />, and it visits every S-th of those places. Height
        works the same way, and the output's depth is simply the number of filters.
      </p>
      <Figure
        wide
        caption="Dark cells are the kernel's taps; dashed cells are zero padding. Change N, F, P, S or D, or load one of the lecture's examples, then step through the output positions (the arrow keys work with the panel focused)."
      >
        <ArithmeticExplorer />
      </Figure>
    </Section>
  );
}
