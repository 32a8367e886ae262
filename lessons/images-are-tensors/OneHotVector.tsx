/** A one-hot label as a two-row table: class names above, 0/1 below, the hot entry highlighted. */
import type { ReactElement } from 'react';
import { oneHot } from './nchw';

interface OneHotVectorProps {
  readonly label: number;
  readonly classNames: readonly string[];
  readonly caption: string;
}

export function OneHotVector({ label, classNames, caption }: OneHotVectorProps): ReactElement {
  const vector = oneHot(label, classNames.length);
  return (
    <table className="one-hot" data-testid="one-hot" data-label={label}>
      <caption>{caption}</caption>
      <tbody>
        <tr>
          <th scope="row">class</th>
          {classNames.map((name, i) => (
            <th scope="col" key={name} className={i === label ? 'is-hot' : undefined}>
              {name}
            </th>
          ))}
        </tr>
        <tr>
          <th scope="row">y</th>
          {vector.map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positions are the identity here.
            <td key={i} className={v === 1 ? 'is-hot' : undefined}>
              {v}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
