/** The net's ten class probabilities before and after the attack, as paired horizontal bars. */
import type { ReactElement } from 'react';

export function ProbabilityBars({
  before,
  after,
  label,
}: {
  readonly before: Float32Array;
  readonly after: Float32Array;
  readonly label: number;
}): ReactElement {
  return (
    <table className="fo-probs" data-testid="fgsm-probabilities">
      <caption>Probability of each digit, before and after</caption>
      <thead>
        <tr>
          <th scope="col">digit</th>
          <th scope="col">before</th>
          <th scope="col">after</th>
        </tr>
      </thead>
      <tbody>
        {Array.from(before, (p, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its class
          <tr key={c} className={c === label ? 'fo-true' : undefined}>
            <th scope="row">{c}</th>
            {[p, after[c]!].map((v, k) => (
              <td key={k === 0 ? 'before' : 'after'}>
                <span className="fo-bar" style={{ width: `${(100 * v).toFixed(1)}%` }} aria-hidden="true" />
                <span className="fo-value">{(100 * v).toFixed(1)}%</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
