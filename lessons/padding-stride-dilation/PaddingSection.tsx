/**
 * Section 3: zero padding, 'same' versus 'valid', and (F - 1)/2. The lecture's 3x32x32 example
 * (20 filters of 5x5, pad 2) is computed by the engine.
 */
import { type ReactElement, useMemo } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { outputSize } from '../../engine/spec/arithmetic';
import { StackComparison } from './StackComparison';

export function PaddingSection(): ReactElement {
  const example = useMemo(() => outputSize({ size: 32, kernel: 5, padStart: 2 }), []);
  const kept = useMemo(
    () =>
      [1, 3, 5, 7].map((f) => ({ f, p: (f - 1) / 2, r: outputSize({ size: 7, kernel: f, padStart: (f - 1) / 2 }) })),
    [],
  );
  return (
    <Section id="padding" title="Padding: same and valid">
      <p>
        Without padding every layer eats into the picture: a 3×3 kernel fits only 7 times across 9 pixels, so the
        lecture's 9×9 input becomes 7×7, then 5×5 after a second layer. This is called a <em>valid</em> convolution, and
        it has two costs. Sizes shrink with depth, which makes deep networks awkward to design, and pixels on the border
        are covered by fewer windows than pixels in the middle, so their information fades away layer by layer.
      </p>
      <p>The common fix is a border of zeros. With stride 1 and an odd kernel size F, a padding of</p>
      <TeX block tex="P = \frac{F - 1}{2}" />
      <p>
        on each side gives back exactly the input size, a <em>same</em> convolution:{' '}
        {kept.map(({ f, p, r }) => (
          <span key={f}>
            F = {f} needs P = {p} ({r.ok ? `7 → ${r.value}` : '—'}){f < 7 ? '; ' : '.'}
          </span>
        ))}{' '}
        Then a stack of layers keeps its size, as below.
      </p>
      <Figure caption="A 9×9 input through a stack of stride-1 convolutions, to scale. Valid padding loses F − 1 pixels per layer; same padding loses none.">
        <StackComparison />
      </Figure>
      <p>
        A worked example from the lecture: an input of 3×32×32 and 20 filters of 5×5 with padding 2 and stride 1 give{' '}
        <TeX tex={`(32 + 2\\cdot 2 - 5)/1 + 1 = ${example.ok ? example.value : '?'}`} />, so the output is 20×
        {example.ok ? example.value : '?'}×{example.ok ? example.value : '?'}, computed with{' '}
        <TeX tex={`20\\cdot 3\\cdot 5\\cdot 5 = ${(20 * 3 * 5 * 5).toLocaleString('en-US').replace(/,/g, '{,}')}`} />{' '}
        weights (and 20 biases).
      </p>
    </Section>
  );
}
