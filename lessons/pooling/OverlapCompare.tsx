/**
 * Overlapping (3×3, stride 2, AlexNet's choice) against non-overlapping (2×2, stride 2) pooling.
 * The two never tile the same width (3×3/2 needs an odd one, 2×2/2 an even one), so for each of
 * AlexNet's pooling stages the overlapping row pools AlexNet's own odd map (55, 27 or 13 wide) and
 * the non-overlapping row the even map one pixel smaller; the engine summarizes both on a
 * 96-channel volume (AlexNet's conv1 depth) and both reach the same output size. A strip of input
 * cells shows the first windows of each kind and how many windows read each cell.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { formatShape, summaryResult } from '../../app/ui/summaryResult';

/** AlexNet's maps before each max pool (conv1, conv2, conv5): all odd, so 3×3/2 tiles them. */
const STAGES = [
  { n: 55, label: 'after conv1: 55' },
  { n: 27, label: 'after conv2: 27' },
  { n: 13, label: 'after conv5: 13' },
] as const;
/** `shrink`: how many pixels smaller than AlexNet's map this row's input is, so that its window tiles. */
const CONFIGS = [
  { name: 'overlapping 3×3, stride 2', size: 3, stride: 2, shrink: 0 },
  { name: 'non-overlapping 2×2, stride 2', size: 2, stride: 2, shrink: 1 },
] as const;
const STRIP = 9;

function Strip({ size, stride }: { size: number; stride: number }): ReactElement {
  const starts: number[] = [];
  for (let s = 0; s + size <= STRIP; s += stride) starts.push(s);
  const cover = Array.from({ length: STRIP }, (_, i) => starts.filter((s) => i >= s && i < s + size).length);
  const cell = 30;
  return (
    <svg className="strip" viewBox={`0 0 ${STRIP * cell + 4} ${cell + 14 * starts.length + 8}`} aria-hidden="true">
      {cover.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: cell i of a fixed strip; the position is the identity.
        <g key={i}>
          <rect
            x={2 + i * cell}
            y={2}
            width={cell}
            height={cell}
            className={n > 1 ? 'strip-cell is-shared' : 'strip-cell'}
          />
          <text x={2 + i * cell + cell / 2} y={2 + cell / 2 + 5} textAnchor="middle">
            {n}
          </text>
        </g>
      ))}
      {starts.map((s, j) => (
        <rect
          key={`w${s}`}
          className="strip-window"
          x={4 + s * cell}
          y={cell + 6 + j * 14}
          width={size * cell - 4}
          height={8}
        />
      ))}
    </svg>
  );
}

export function OverlapCompare(): ReactElement {
  const [n, setN] = useState<number>(55);
  const rows = useMemo(
    () =>
      CONFIGS.map((c) => ({
        ...c,
        input: n - c.shrink,
        result: summaryResult({
          layers: [
            { type: 'input', shape: [96, n - c.shrink, n - c.shrink] },
            { type: 'maxpool', size: c.size, stride: c.stride },
          ],
        }),
      })),
    [n],
  );
  return (
    <div className="explorer" data-testid="overlap">
      <ChoiceGroup
        legend="AlexNet stage (map width)"
        options={STAGES.map((s) => ({ value: s.n, label: s.label }))}
        value={n}
        onChange={setN}
      />
      <table className="data-table">
        <caption>Max pooling a 96-channel volume: each window on a width it tiles</caption>
        <thead>
          <tr>
            <th scope="col">Pooling</th>
            <th scope="col">Input (C×H×W)</th>
            <th scope="col">Output (C×H×W)</th>
            <th scope="col">Windows reading each cell (first 9 cells of a row)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td data-testid="overlap-in">{formatShape([96, r.input, r.input])}</td>
              <td data-testid="overlap-out">
                {r.result.ok ? (
                  formatShape(r.result.summary.outputShape)
                ) : (
                  <span className="field-message--error">{r.result.error.detail}</span>
                )}
              </td>
              <td>
                <Strip size={r.size} stride={r.stride} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
