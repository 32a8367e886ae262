/**
 * The network as a left-to-right diagram drawn from its summary: one box per layer with its type
 * and key settings, edges labelled with the shape that flows along them, and arcs for connections
 * that skip ahead (residual shortcuts, concat branches). It follows the draft while the draft is valid, else the
 * last valid model, so an invalid edit never blanks it.
 */
import type { CSSProperties, ReactElement } from 'react';
import type { LayerSummary, ModelSummary } from '../../engine/spec';
import { useStudio } from '../stores/studio';
import { formatShape } from '../ui/summaryResult';
import { useDraftSummary } from './draftSummary';

const BOX_W = 78;
const BOX_H = 44;
const GAP = 64;

function caption(layer: LayerSummary): string {
  const r = layer.resolved;
  switch (r.type) {
    case 'conv2d':
      return `${r.kernel.join('×')} ×${r.filters}${r.stride[0] > 1 ? ` /${r.stride[0]}` : ''}`;
    case 'maxpool':
    case 'avgpool':
      return `${r.size.join('×')}`;
    case 'dense':
      return `${r.units}`;
    case 'activation':
      return r.kind;
    case 'dropout':
      return `p=${r.rate}`;
    case 'concat':
      return `${layer.inputs.length} in`;
    case 'lrn':
      return `n=${r.size}`;
    default:
      return '';
  }
}

const SHORT: Readonly<Record<string, string>> = {
  conv2d: 'conv',
  maxpool: 'max pool',
  avgpool: 'avg pool',
  globalavgpool: 'global avg',
  batchnorm: 'batch norm',
  activation: 'act.',
};

function Diagram({ summary }: { readonly summary: ModelSummary }): ReactElement {
  const x = (i: number): number => 8 + i * (BOX_W + GAP);
  const width = x(summary.layers.length) - GAP + 16;
  // Room above the boxes only when some connection skips ahead and needs an arc.
  const skips = summary.layers.some((l) => l.inputs.some((from) => from !== l.index - 1));
  const TOP = skips ? 34 : 4;
  const mid = TOP + BOX_H / 2;
  return (
    <svg
      className="network-diagram"
      viewBox={`0 0 ${width} ${TOP + BOX_H + 4}`}
      // Scales to the card's width, but a long network scrolls rather than shrinking unreadably.
      // --diagram-width (in diagram units) lets presenter mode draw it at a fixed scale instead.
      style={{ minWidth: `${summary.layers.length * 4.5}rem`, '--diagram-width': width } as CSSProperties}
      role="img"
      // Focusable, so a keyboard can scroll a diagram wider than its card (arrow keys).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling box around it must be reachable by keyboard.
      tabIndex={0}
      aria-label={`Network diagram: ${summary.layers.map((l) => `${l.type} ${formatShape(l.outputShape)}`).join(', then ')}`}
      data-testid="network-diagram"
    >
      {summary.layers.map((layer) =>
        layer.inputs.map((from) => {
          if (from === layer.index - 1) {
            const x1 = x(from) + BOX_W;
            const x2 = x(layer.index);
            return (
              <g key={`${from}-${layer.index}`} className="diagram-edge">
                <line x1={x1} y1={mid} x2={x2 - 4} y2={mid} markerEnd="url(#diagram-arrow)" />
                <text x={(x1 + x2) / 2} y={mid - 6} textAnchor="middle">
                  {formatShape(summary.layers[from]!.outputShape)}
                </text>
              </g>
            );
          }
          const x1 = x(from) + BOX_W / 2;
          const x2 = x(layer.index) + BOX_W / 2;
          return (
            <path
              key={`${from}-${layer.index}`}
              className="diagram-skip"
              d={`M ${x1} ${TOP} C ${x1} ${TOP - 30}, ${x2} ${TOP - 30}, ${x2} ${TOP}`}
              markerEnd="url(#diagram-arrow)"
            />
          );
        }),
      )}
      {summary.layers.map((layer) => (
        <g
          key={layer.index}
          className={`diagram-box diagram-box--${layer.type}`}
          transform={`translate(${x(layer.index)} ${TOP})`}
        >
          <title>{`${layer.id}: ${formatShape(layer.inputShape)} → ${formatShape(layer.outputShape)}, ${layer.params} parameters`}</title>
          <rect width={BOX_W} height={BOX_H} rx={6} />
          <text x={BOX_W / 2} y={18} textAnchor="middle" className="diagram-type">
            {SHORT[layer.type] ?? layer.type}
          </text>
          <text x={BOX_W / 2} y={34} textAnchor="middle" className="diagram-detail">
            {layer.type === 'input' ? formatShape(layer.outputShape) : caption(layer)}
          </text>
        </g>
      ))}
      <defs>
        <marker id="diagram-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0 0 L8 4 L0 8 z" className="diagram-arrowhead" />
        </marker>
      </defs>
    </svg>
  );
}

export function NetworkDiagram(): ReactElement {
  const draft = useStudio((s) => s.draft);
  const built = useStudio((s) => s.built);
  const { summary } = useDraftSummary(draft);
  const shown = summary ?? built;
  return (
    <section className="studio-card diagram-card" aria-label="Network diagram">
      <div className="diagram-scroll">
        {shown ? <Diagram summary={shown} /> : <p className="muted">No model yet.</p>}
      </div>
    </section>
  );
}
