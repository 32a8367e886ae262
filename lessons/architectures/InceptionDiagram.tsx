/**
 * The Inception module drawn as the paper's figure 2: the input at the bottom, four branches side
 * by side, their outputs joined by a concat at the top. Box labels come from the spec's summary
 * (filters and output depth of each layer), so the drawing follows the widget's fields.
 */
import type { ReactElement } from 'react';
import type { ModelSummary } from '../../engine/spec';

const COL = [80, 240, 400, 560];
const BOX_W = 140;
const BOX_H = 34;

function Box({ x, y, label, tone }: { x: number; y: number; label: string; tone: string }): ReactElement {
  const width = tone === 'io' ? 230 : BOX_W;
  return (
    <g>
      <rect x={x - width / 2} y={y} width={width} height={BOX_H} rx={6} className={`arch-box arch-box--${tone}`} />
      <text x={x} y={y + BOX_H / 2 + 5} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** The label of a summarized layer: "3×3 conv, 128" or "3×3 max pool". */
function label(summary: ModelSummary, id: string): string | null {
  const l = summary.layers.find((x) => x.id === id);
  if (l === undefined) return null;
  const r = l.resolved;
  if (r.type === 'conv2d') return `${r.kernel[0]}×${r.kernel[1]} conv, ${r.filters}`;
  if (r.type === 'maxpool') return `${r.size[0]}×${r.size[1]} max pool`;
  return l.id;
}

export function InceptionDiagram({ summary, title }: { summary: ModelSummary; title: string }): ReactElement {
  const columns = [['b1_1x1'], ['b2_reduce', 'b2_3x3'], ['b3_reduce', 'b3_5x5'], ['b4_pool', 'b4_proj']].map((ids) =>
    ids.map((id) => label(summary, id)).filter((t): t is string => t !== null),
  );
  const input = summary.layers[0]?.outputShape ?? [];
  const output = summary.outputShape;
  const yIn = 250;
  const yOut = 20;
  const row = (i: number, n: number): number => (n === 1 ? 140 : i === 0 ? 175 : 105);
  return (
    <svg className="arch-diagram" viewBox="0 0 640 300" role="img" aria-label={title}>
      <title>{title}</title>
      {COL.map((x, c) => (
        <g key={x}>
          <line x1={320} y1={yIn} x2={x} y2={row(0, columns[c]!.length) + BOX_H} className="arch-edge" />
          <line
            x1={x}
            y1={row(columns[c]!.length - 1, columns[c]!.length)}
            x2={320}
            y2={yOut + BOX_H}
            className="arch-edge"
          />
          {columns[c]!.length === 2 && <line x1={x} y1={175} x2={x} y2={105 + BOX_H} className="arch-edge" />}
        </g>
      ))}
      <Box x={320} y={yIn} label={`input ${input.join('×')}`} tone="io" />
      {columns.map((labels, c) =>
        labels.map((text, i) => (
          <Box
            key={text + String(i)}
            x={COL[c]!}
            y={row(i, labels.length)}
            label={text}
            tone={text.includes('pool') ? 'pool' : text.startsWith('1×1') ? 'reduce' : 'conv'}
          />
        )),
      )}
      <Box x={320} y={yOut} label={`concat → ${output.join('×')}`} tone="io" />
    </svg>
  );
}
