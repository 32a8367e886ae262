/**
 * Why saturation "kills" the gradient: a chain of n one-input units, a_k = f(a_{k-1}), starting
 * from x. By the chain rule the gradient that reaches x is the product of every unit's local
 * derivative f'(a_{k-1}); each factor comes from the engine's backward pass. For the sigmoid each
 * factor is at most 0.25, so n layers shrink the gradient by at least 0.25^n.
 */
import { type ReactElement, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { type ActivationId, evaluate } from './functions';

const CHAINS: readonly { readonly id: ActivationId; readonly label: string }[] = [
  { id: 'sigmoid', label: 'Sigmoid' },
  { id: 'tanh', label: 'tanh' },
  { id: 'relu', label: 'ReLU' },
];

/** The local derivatives along the chain, in order from the input. */
export function chainFactors(id: ActivationId, x: number, layers: number): number[] {
  const factors: number[] = [];
  let a = x;
  for (let k = 0; k < layers; k++) {
    const { y, dydx } = evaluate(id, a);
    factors.push(dydx);
    a = y;
  }
  return factors;
}

const sci = (v: number): string => (v === 0 ? '0' : Math.abs(v) >= 0.001 ? v.toPrecision(4) : v.toExponential(3));

export function SaturationChain(): ReactElement {
  const [layers, setLayers] = useState(10);
  const [x, setX] = useState(1);
  return (
    <div className="act-chain" data-testid="saturation-chain">
      <div className="act-knobs">
        <NumberField label="Layers n" value={layers} onChange={setLayers} min={1} max={30} integer />
        <NumberField label="Input x" value={x} onChange={setX} min={-6} max={6} step={0.5} />
      </div>
      <table className="act-table">
        <caption>Gradient reaching x through n units, ∂aₙ/∂x = f′(a₀)·f′(a₁)·…·f′(aₙ₋₁)</caption>
        <thead>
          <tr>
            <th scope="col">Activation</th>
            <th scope="col">f′(x)</th>
            <th scope="col">product over {layers} layers</th>
          </tr>
        </thead>
        <tbody>
          {CHAINS.map((c) => {
            const factors = chainFactors(c.id, x, layers);
            const product = factors.reduce((p, f) => p * f, 1);
            return (
              <tr key={c.id} data-chain={c.id} data-product={product}>
                <th scope="row">{c.label}</th>
                <td>{sci(factors[0]!)}</td>
                <td>{sci(product)}</td>
              </tr>
            );
          })}
          <tr data-chain="bound">
            <th scope="row">Sigmoid’s best case, 0.25ⁿ</th>
            <td>0.25</td>
            <td data-testid="sigmoid-bound">{sci(0.25 ** layers)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
