/**
 * Valid versus same, layer after layer: a 9x9 input (the lecture's) through a stack of 3x3, stride
 * 1 convolutions, without padding and with 'same' padding. Each size is the engine's outputSize
 * with the padding the engine's samePadding chooses; the squares are drawn to scale.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { outputSize, samePadding } from '../../engine/spec/arithmetic';

const INPUT = 9;

function sizes(layers: number, kernel: number, same: boolean): number[] {
  const out = [INPUT];
  for (let i = 0; i < layers; i++) {
    const n = out[out.length - 1]!;
    if (n < 1) break;
    // 'same' splits an odd total padding with the extra pixel at the end (even kernels).
    const pad = same ? samePadding(n, kernel) : { padStart: 0, padEnd: 0 };
    const r = outputSize({ size: n, kernel, padStart: pad.padStart, padEnd: pad.padEnd });
    out.push(r.ok ? r.value : 0);
  }
  return out;
}

export function StackComparison(): ReactElement {
  const [layers, setLayers] = useState(2);
  const [kernel, setKernel] = useState(3);
  const rows = useMemo(
    () => [
      { name: 'valid (P = 0)', key: 'valid', sizes: sizes(layers, kernel, false) },
      { name: 'same (P = (F − 1)/2 each side)', key: 'same', sizes: sizes(layers, kernel, true) },
    ],
    [layers, kernel],
  );
  return (
    <div className="stack" data-testid="stack-comparison">
      <div className="arith-fields">
        <NumberField label="Layers" value={layers} onChange={setLayers} min={1} max={4} integer />
        <NumberField label="Kernel size F" value={kernel} onChange={setKernel} min={1} max={5} integer />
      </div>
      {rows.map((row) => (
        <div key={row.key} className="stack-row" data-padding={row.key} data-sizes={row.sizes.join(',')}>
          <p className="grid-title">{row.name}</p>
          <ol className="stack-list" aria-label={`Sizes with ${row.name} padding`}>
            {row.sizes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the layer number is the identity.
              <li key={i} className="stack-item">
                <span
                  className="stack-square"
                  style={{ width: `${Math.max(n, 0.3) * 0.55}rem`, height: `${Math.max(n, 0.3) * 0.55}rem` }}
                  aria-hidden="true"
                />
                <span>
                  {i === 0 ? 'input' : `layer ${i}`}: {n > 0 ? `${n}×${n}` : 'nothing left'}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
