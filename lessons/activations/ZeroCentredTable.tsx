/**
 * Zero-centred or not: the mean output of each activation over inputs spread evenly and
 * symmetrically around zero (−3 to 3), computed by the engine. Sigmoid, ReLU and softplus
 * outputs are never negative, so their mean sits above zero; tanh's is zero.
 */
import type { ReactElement } from 'react';
import { ACTIVATIONS, type ActivationId, evaluate } from './functions';

const SHOWN: readonly ActivationId[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softplus'];
const INPUTS = Array.from({ length: 61 }, (_, i) => -3 + i * 0.1);

export function ZeroCentredTable(): ReactElement {
  return (
    <table className="act-table" data-testid="zero-centred">
      <caption>Outputs for 61 inputs evenly spaced from −3 to 3</caption>
      <thead>
        <tr>
          <th scope="col">Activation</th>
          <th scope="col">smallest output</th>
          <th scope="col">mean output</th>
        </tr>
      </thead>
      <tbody>
        {SHOWN.map((id) => {
          const ys = INPUTS.map((x) => evaluate(id, x).y);
          const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
          return (
            <tr key={id}>
              <th scope="row">{ACTIVATIONS.find((a) => a.id === id)!.label}</th>
              <td>{Math.min(...ys).toFixed(3)}</td>
              <td>{Math.abs(mean) < 5e-4 ? '0.000' : mean.toFixed(3)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
