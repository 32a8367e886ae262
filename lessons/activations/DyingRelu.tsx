/**
 * Dying ReLU: one ReLU unit sees 400 pre-activations z = u + b, with u drawn once from a standard
 * normal (seeded) and b the unit's bias. Wherever z ≤ 0 the engine's ReLU backward passes zero
 * gradient, so the weights feeding the unit learn nothing from that input. Push b far enough
 * down and no input gets through: the unit is dead. Leaky ReLU keeps a small gradient there.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { createRng } from '../../engine/tensor/rng';
import { evaluate } from './functions';

const COUNT = 400;

export function DyingRelu(): ReactElement {
  const [bias, setBias] = useState(0);
  const base = useMemo(() => {
    const rng = createRng(2024);
    return Array.from({ length: COUNT }, () => rng.normal());
  }, []);
  const grads = base.map((u) => evaluate('relu', u + bias).dydx);
  const dead = grads.filter((g) => g === 0).length;
  const leakyDead = base.filter((u) => evaluate('leakyRelu', u + bias).dydx === 0).length;
  return (
    <div className="act-dying" data-testid="dying-relu" data-dead={dead}>
      <label className="act-range">
        <span>Bias b = {bias.toFixed(1)}</span>
        <input
          type="range"
          min={-5}
          max={3}
          step={0.1}
          value={bias}
          onChange={(e) => setBias(Number(e.target.value))}
          aria-valuetext={`bias ${bias.toFixed(1)}`}
        />
      </label>
      <svg className="act-strip" viewBox={`0 0 ${COUNT} 20`} aria-hidden="true" preserveAspectRatio="none">
        {grads.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the samples are fixed and never reorder.
          <rect key={i} x={i} y={0} width={1} height={20} fill={g === 0 ? 'var(--wrong)' : 'var(--right)'} />
        ))}
      </svg>
      <p role="status">
        <strong data-testid="dead-count">{dead}</strong> of {COUNT} inputs ({((100 * dead) / COUNT).toFixed(1)}%) get
        zero gradient through ReLU (red); with Leaky ReLU, {leakyDead} do.
      </p>
    </div>
  );
}
