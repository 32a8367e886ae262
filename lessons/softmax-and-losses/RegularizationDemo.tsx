/**
 * L1 versus L2 on the lecture's example: x = [1, 1, 1, 1] and two weight vectors that give the
 * same score, W1 = [1, 0, 0, 0] and W2 = [0.25, 0.25, 0.25, 0.25]. The data loss cannot tell
 * them apart; the penalties can. Scores come from the engine's dense layer, penalties from its
 * l1Penalty / l2Penalty, with the student's λ.
 */
import { type ReactElement, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { dense } from '../../engine/cpu/dense';
import { l1Penalty, l2Penalty } from '../../engine/cpu/losses';
import { tidy } from './scores';

const X = [1, 1, 1, 1];
const CANDIDATES: readonly { readonly name: string; readonly w: readonly number[] }[] = [
  { name: 'W₁', w: [1, 0, 0, 0] },
  { name: 'W₂', w: [0.25, 0.25, 0.25, 0.25] },
];

export function RegularizationDemo(): ReactElement {
  const [lambda, setLambda] = useState(1);
  return (
    <div className="reg-demo" data-testid="regularization">
      <NumberField label="Regularisation strength λ" value={lambda} onChange={setLambda} min={0} step={0.1} />
      <table className="sm-table">
        <thead>
          <tr>
            <th scope="col">weights</th>
            <th scope="col">score Wᵀx</th>
            <th scope="col">L1 penalty λΣ|w|</th>
            <th scope="col">L2 penalty λΣw²</th>
          </tr>
        </thead>
        <tbody>
          {CANDIDATES.map((c) => {
            const w = Float32Array.from(c.w);
            const score = dense({ shape: [1, 4], data: Float32Array.from(X) }, { shape: [1, 4], data: w }, null)
              .data[0]!;
            return (
              <tr key={c.name} data-w={c.name}>
                <th scope="row">
                  {c.name} = [{c.w.join(', ')}]
                </th>
                <td>{tidy(score)}</td>
                <td data-penalty="l1">{tidy(l1Penalty(w, lambda))}</td>
                <td data-penalty="l2">{tidy(l2Penalty(w, lambda))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
