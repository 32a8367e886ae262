/**
 * Section 5 (short): transposed convolution, the upsampling counterpart. Its output size is the
 * input size of the forward convolution it mirrors, so the lesson finds it by asking the engine's
 * outputSize which input size the forward layer maps onto M, rather than keeping a second formula.
 */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { outputSize } from '../../engine/spec/arithmetic';
import { TransposedConv } from './TransposedConv';

/** The input size N that a forward convolution (F, S, P) maps exactly onto M. */
function mirroredSize(m: number, f: number, s: number, p: number): number {
  for (let n = 1; n <= m * s + f; n++) {
    const r = outputSize({ size: n, kernel: f, stride: s, padStart: p });
    if (r.ok && r.value === m) return n;
  }
  return 0;
}

const CASES = [
  { m: 2, f: 2, s: 2, p: 0 },
  { m: 4, f: 2, s: 2, p: 0 },
  { m: 4, f: 3, s: 2, p: 1 },
] as const;

export function TransposedSection(): ReactElement {
  return (
    <Section id="transposed" title="Going up: transposed convolution">
      <p>
        Strides and valid padding make maps smaller. Networks that must produce an image-sized answer, such as the
        segmentation networks (FCN, DeconvNet) in the lecture, also need to go the other way. A{' '}
        <em>transposed convolution</em> (often, loosely, called “deconvolution”) does this: each input value scatters a
        copy of the kernel, scaled by that value, onto the output, with copies S pixels apart and overlaps added. It
        runs the forward convolution's arithmetic backwards, so a transposed layer with settings F, S, P turns an M×M
        map into the size the forward layer would have shrunk to M:
      </p>
      <TeX block tex="W_{\text{out}} = (M - 1)\,S - 2P + F" />
      <p>
        Frameworks round a forward convolution's size down when its stride does not tile the input (ConvLab calls that
        an error instead), so there several input sizes shrink to the same M. Their transposed layers pick the larger
        ones with an <em>output padding</em> of up to S − 1 extra cells at the bottom and right, which adds that many to
        the formula. Step through the scatter below: each input value drops a scaled copy of the kernel, copies S cells
        apart, and the overlaps add.
      </p>
      <TransposedConv />
      <p>The same formula on three more cases, each checked against the forward convolution it mirrors:</p>
      <ul data-testid="transposed-cases">
        {CASES.map(({ m, f, s, p }) => (
          <li key={`${m}-${f}-${s}-${p}`}>
            <TeX
              tex={`M=${m},\\ F=${f},\\ S=${s},\\ P=${p}:\\quad (${m}-1)\\cdot ${s} - 2\\cdot ${p} + ${f} = ${mirroredSize(m, f, s, p)}`}
            />
          </li>
        ))}
      </ul>
      <p>
        A transposed convolution is the operation that back-propagation already performs to send gradients from a
        strided convolution's output back to its input, now used as a layer with its own learned weights.
      </p>
    </Section>
  );
}
