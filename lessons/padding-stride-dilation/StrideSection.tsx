/**
 * Section 2: strides that do not tile the input. The lecture's N=7, F=3 table at strides 1, 2, 3
 * and the fix for stride 3 are computed by the engine, not typed in.
 */
import { type ReactElement, useMemo } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { explainFits, formatNumber, outputSize } from '../../engine/spec/arithmetic';

const N = 7;
const F = 3;

export function StrideSection(): ReactElement {
  const rows = useMemo(() => [1, 2, 3].map((s) => ({ s, result: outputSize({ size: N, kernel: F, stride: s }) })), []);
  const misfit = rows.find((r) => !r.result.ok);
  return (
    <Section id="stride" title="When the stride does not fit">
      <p>The lecture's example takes a 7×7 input and a 3×3 kernel with no padding and tries three strides:</p>
      <table className="arith-table" data-testid="stride-table">
        <thead>
          <tr>
            <th scope="col">Stride S</th>
            <th scope="col">(N − F) / S + 1</th>
            <th scope="col">Output</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, result }) => (
            <tr key={s} data-stride={s}>
              <td>{s}</td>
              <td>
                <TeX tex={`(${N} - ${F}) / ${s} + 1 = ${formatNumber(result.ok ? result.value : result.exact)}`} />
              </td>
              <td>{result.ok ? `${result.value}×${result.value}` : 'does not fit'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        With stride 3 the window starts at columns 0 and 3; the next start, 6, would need columns 6, 7 and 8, but the
        input ends at column 6. So column 6 is never read at all, and the formula's answer of{' '}
        {misfit && !misfit.result.ok ? formatNumber(misfit.result.exact) : ''} positions says the same thing: there is
        no whole number of steps. Some libraries quietly round down and ignore the leftover pixels; ConvLab refuses and
        says why, because a silently ignored border is a bug that is hard to find later.
      </p>
      {misfit && !misfit.result.ok && (
        <Callout tone="tip" title="How to make it fit">
          {explainFits(misfit.result, { size: N, kernel: F, stride: misfit.s })} Try the “N=7, F=3, S=3” example above
          and click one of the suggested fixes.
        </Callout>
      )}
    </Section>
  );
}
