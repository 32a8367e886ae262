/** The 3x3 RGB covariance and its eigenvalues l_i and eigenvectors p_i, as a table (engine numbers). */
import type { ReactElement } from 'react';
import type { ColourPca } from '../../engine/data/pca-colour';
import { fmt } from './format';

const CHANNELS = ['R', 'G', 'B'] as const;

export function PcaTable({ pca, caption }: { readonly pca: ColourPca; readonly caption: string }): ReactElement {
  return (
    <div className="reg-pair">
      <table className="reg-table" data-testid="pca-covariance">
        <caption>Covariance of {caption}</caption>
        <thead>
          <tr>
            <th scope="col" aria-label="channel" />
            {CHANNELS.map((ch) => (
              <th key={ch} scope="col">
                {ch}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHANNELS.map((row, i) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {CHANNELS.map((col, j) => (
                <td key={col}>{fmt(pca.covariance[i * 3 + j]!, 4)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="reg-table" data-testid="pca-eigen">
        <caption>Eigenvalues and eigenvectors</caption>
        <thead>
          <tr>
            <th scope="col">i</th>
            <th scope="col">
              λ<sub>i</sub>
            </th>
            <th scope="col">
              p<sub>i</sub> (R, G, B)
            </th>
          </tr>
        </thead>
        <tbody>
          {pca.eigenvectors.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the three components, in order.
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{fmt(pca.eigenvalues[i]!, 4)}</td>
              <td>({p.map((x) => fmt(x, 3)).join(', ')})</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
