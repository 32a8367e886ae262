/**
 * Per-class test accuracy of the trained classifier as a table with bars, best and worst class
 * marked, from the engine's evaluation (Metrics.perClassAccuracy). Nothing is assumed about the
 * result: the table shows whatever this training produced.
 */
import type { ReactElement } from 'react';
import type { Metrics } from '../../engine/train/metrics';

export interface PerClassAccuracyProps {
  readonly metrics: Metrics;
  readonly classNames: readonly string[];
}

export function PerClassAccuracy({ metrics, classNames }: PerClassAccuracyProps): ReactElement {
  const acc = metrics.perClassAccuracy;
  const best = acc.indexOf(Math.max(...acc));
  const worst = acc.indexOf(Math.min(...acc));
  return (
    <table className="per-class" data-testid="per-class" data-accuracy={metrics.accuracy}>
      <caption>
        Test accuracy on {metrics.count.toLocaleString('en-US')} images: {(100 * metrics.accuracy).toFixed(1)}%
      </caption>
      <thead>
        <tr>
          <th scope="col">Class</th>
          <th scope="col">Accuracy</th>
          <th scope="col">
            <span className="visually-hidden">Bar</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {classNames.map((name, k) => (
          <tr key={name} data-class={name} data-accuracy={acc[k]}>
            <th scope="row">
              {name}
              {k === best && ' (best)'}
              {k === worst && ' (worst)'}
            </th>
            <td>{(100 * acc[k]!).toFixed(1)}%</td>
            <td className="per-class-bar">
              <span style={{ width: `${100 * acc[k]!}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
