/**
 * The cross-entropy loss L = −log p as a function of the probability p the model gives the true
 * class: a plot with a movable p, and the lecture's table (p = 0.1 → 2.3, p = 0.9 → 0.1), all
 * evaluated by the engine's softmax cross-entropy.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { FunctionPlot } from '../../app/ui/FunctionPlot';
import { negLog } from './scores';

const LECTURE_P: readonly number[] = [0.1, 0.5, 0.9, 1];

export function CrossEntropyPlot(): ReactElement {
  const [p, setP] = useState(0.1);
  const points = useMemo(
    () => Array.from({ length: 100 }, (_, i): [number, number] => [(i + 1) / 100, negLog((i + 1) / 100)]),
    [],
  );
  const loss = negLog(p);
  return (
    <div className="sm-ce" data-testid="cross-entropy">
      <FunctionPlot
        label="Probability of the true class p"
        curves={[{ id: 'ce', label: 'L = −log p', color: 'var(--accent)', points }]}
        xDomain={[0.01, 1]}
        yDomain={[0, 4.8]}
        x={p}
        onXChange={setP}
        step={0.01}
      />
      <div>
        <p className="sm-ce-readout" data-testid="ce-readout" data-p={p} data-loss={loss}>
          p = {p.toFixed(2)} → L = <strong>{loss.toFixed(3)}</strong>
        </p>
        <table className="sm-table">
          <caption>The lecture’s examples</caption>
          <thead>
            <tr>
              <th scope="col">p</th>
              <th scope="col">−log p</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>0</td>
              <td>∞</td>
            </tr>
            {LECTURE_P.map((q) => (
              <tr key={q}>
                <td>{q}</td>
                <td>{negLog(q).toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
