/**
 * One layer's activation histogram as a small bar chart, with the layer's mean and standard
 * deviation under it: the small multiples of the lecture's figure. Every layer of a run shares one
 * x-range, so a layer whose values collapse shows as a single spike in the middle and a saturated
 * tanh layer as two spikes at the ends. Bars are scaled to the tallest bar of this layer.
 */
import type { ReactElement } from 'react';
import type { LayerResult, NetActivation } from './experiment';
import { fmt, percent } from './format';

const W = 150;
const H = 56;

export function LayerHistogram({ layer, activation }: { layer: LayerResult; activation: NetActivation }): ReactElement {
  const { counts, lo, hi } = layer.histogram;
  const tallest = Math.max(1, ...counts);
  const bar = W / counts.length;
  const s = layer.activation;
  const tanh = activation === 'tanh';
  return (
    <figure
      className="init-hist"
      data-testid={`layer-${layer.layer}`}
      data-mean={s.mean}
      data-std={s.std}
      data-saturated={s.saturated}
      data-nonpositive={s.nonPositive}
    >
      <svg viewBox={`0 0 ${W} ${H + 18}`} role="img" aria-label={`Layer ${layer.layer} histogram`}>
        <line className="init-hist-axis" x1={0} x2={W} y1={H} y2={H} />
        {counts.map((c, b) => {
          const h = (c / tallest) * H;
          // biome-ignore lint/suspicious/noArrayIndexKey: bins are positions, fixed per chart
          return <rect key={b} x={b * bar + 0.5} y={H - h} width={bar - 1} height={h} className="init-hist-bar" />;
        })}
        <text x={0} y={H + 16} className="init-hist-tick">
          {fmt(lo)}
        </text>
        <text x={W} y={H + 16} textAnchor="end" className="init-hist-tick">
          {fmt(hi)}
        </text>
      </svg>
      <figcaption>
        <strong>Layer {layer.layer}</strong>
        <span>
          mean <span data-testid="mean">{fmt(s.mean)}</span>
        </span>
        <span>
          std <span data-testid="std">{fmt(s.std)}</span>
        </span>
        {tanh ? (
          <span title="share of values with |a| > 0.99">
            |a|&gt;0.99 <span data-testid="saturated">{percent(s.saturated)}</span>
          </span>
        ) : (
          <span title="share of values at or below 0, not drawn">
            ≤0 <span data-testid="nonpositive">{percent(s.nonPositive)}</span>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
