/**
 * Section 3: convolution versus cross-correlation. Both results for the lecture's example are
 * computed by the engine (the flipped kernel for true convolution), so the two matrices in the
 * prose are the engine's numbers.
 */
import { type ReactElement, useMemo } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { correlate, flipKernel } from './correlate';
import { LECTURE_INPUT, LECTURE_KERNEL } from './examples';
import { fmt } from './squares';

const texMatrix = (values: ArrayLike<number>, cols: number): string => {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += cols)
    rows.push(
      Array.from(values)
        .slice(i, i + cols)
        .map(fmt)
        .join(' & '),
    );
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
};

export function FlipSection(): ReactElement {
  const { corr, conv } = useMemo(() => {
    const image = { rows: 3, cols: 3, values: LECTURE_INPUT };
    return { corr: correlate(image, LECTURE_KERNEL, 2), conv: correlate(image, flipKernel(LECTURE_KERNEL), 2) };
  }, []);
  return (
    <Section id="flip" title="Convolution or cross-correlation?">
      <p>
        Strictly speaking, what you have been doing is called <em>cross-correlation</em>. The convolution of signal
        processing runs the kernel's index backwards:
      </p>
      <TeX block tex="\text{convolution:}\quad Y(x,y) = \sum_{u}\sum_{v} X(x-u,\, y-v)\, w(u,v)" />
      <TeX block tex="\text{cross-correlation:}\quad Y(x,y) = \sum_{u}\sum_{v} X(x+u,\, y+v)\, w(u,v)" />
      <p>
        Running the index backwards is the same as rotating the kernel by 180° (flipping it top-to-bottom and
        left-to-right) and then cross-correlating. For the lecture's input the two give different maps:
      </p>
      <TeX
        block
        tex={`\\text{cross-correlation: } ${texMatrix(corr.values, corr.cols)} \\qquad \\text{convolution: } ${texMatrix(conv.values, conv.cols)}`}
      />
      <p>
        Try it in the widget above: switch <strong>Operation</strong> to “Convolution (flip kernel)” and step through
        again. The first window now meets the weights 4, 3, 2, 1 instead of 1, 2, 3, 4.
      </p>
      <p>
        Deep learning libraries compute cross-correlation and still call it convolution, and so does ConvLab's engine.
        The reason is that a network <em>learns</em> its kernels from random starting values. If the flip mattered, the
        training would simply learn the flipped weights; the set of functions a layer can represent is the same either
        way. Skipping the flip makes the code simpler, easier to debug (weight (0, 0) really does touch the window's
        top-left pixel) and a little faster. NVIDIA's cuDNN library offers both modes, <code>CUDNN_CONVOLUTION</code>{' '}
        and <code>CUDNN_CROSS_CORRELATION</code>; frameworks use the second.
      </p>
      <Callout tone="warning" title="When the flip does matter">
        For a hand-designed kernel the flip changes the answer. An edge kernel flipped by 180° detects the same edges
        with the opposite sign; a symmetric kernel, such as a blur, is unchanged.
      </Callout>
    </Section>
  );
}
