/**
 * A dilated kernel's footprint: an F x F kernel with dilation D touches F² pixels spread over a
 * square of side D·(F − 1) + 1 (the engine's effectiveKernel), with D − 1 skipped pixels between
 * neighbouring taps. The taps are drawn dark, the skipped pixels pale; the weight count (F²) and the
 * span are printed beside it.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { WindowGrid } from '../../app/ui/WindowGrid';
import { effectiveKernel } from '../../engine/spec/arithmetic';

export function DilationFootprint(): ReactElement {
  const [f, setF] = useState(3);
  const [d, setD] = useState(2);
  const span = effectiveKernel(f, d);
  const isTap = useMemo(
    () =>
      (i: number): boolean =>
        i % d === 0,
    [d],
  );
  return (
    <div className="dilation" data-testid="dilation-footprint" data-span={span}>
      <div className="arith-fields">
        <NumberField label="Kernel size F" value={f} onChange={setF} min={1} max={5} integer />
        <NumberField label="Dilation D" value={d} onChange={setD} min={1} max={4} integer />
      </div>
      <div className="dilation-body">
        <WindowGrid
          rows={span}
          cols={span}
          cell={(r, c) => ({ text: '', kind: 'input', state: isTap(r) && isTap(c) ? 'window' : 'idle' })}
          label={`Footprint of a ${f} by ${f} kernel with dilation ${d}`}
          size={span > 9 ? 'sm' : 'md'}
        />
        <div aria-live="polite">
          <TeX block tex={`F_{\\text{eff}} = D\\,(F-1)+1 = ${d}\\cdot(${f}-1)+1 = ${span}`} />
          <p>
            {f * f} weights, spread over a {span}×{span} square.
          </p>
        </div>
      </div>
    </div>
  );
}
