/**
 * The reference nets side by side: parameters and multiply-adds as summarize() counts them from
 * the engine's preset specs, next to the lecture's figures and top-5 errors (quoted). Each row is
 * counted after the page has painted (useNetSummary); a preset the engine lacks says so in its
 * row instead of breaking the table.
 */
import type { ReactElement } from 'react';
import { formatCount } from '../../app/ui/summaryResult';
import { formatScaled, useNetSummary } from './nets';
import { REFERENCE_ROWS, type ReferenceRow } from './referenceRows';

function Row({ row }: { row: ReferenceRow }): ReactElement {
  const net = useNetSummary(row.key);
  let counts: ReactElement;
  if (net === null) {
    counts = (
      <td colSpan={2} className="muted">
        counting…
      </td>
    );
  } else if (net.kind === 'ok') {
    const { totalParams, totalMacs } = net.summary;
    counts = (
      <>
        <td data-col="params">
          {formatCount(totalParams)} <span className="muted">({formatScaled(totalParams)})</span>
        </td>
        <td data-col="macs">
          {formatCount(totalMacs)} <span className="muted">({formatScaled(totalMacs)})</span>
        </td>
      </>
    );
  } else {
    counts = (
      <td colSpan={2} className="arch-missing" data-col="missing">
        {net.kind === 'missing' ? 'not available in this build' : net.message}
      </td>
    );
  }
  return (
    <tr data-testid="compare-row" data-key={row.key} data-state={net === null ? 'counting' : net.kind}>
      <th scope="row">
        {row.name} <span className="muted">({row.year})</span>
      </th>
      {counts}
      <td className="arch-quote">{row.lecture}</td>
      <td className="arch-quote">{row.top5}</td>
    </tr>
  );
}

export function ComparisonTable(): ReactElement {
  return (
    <div className="arch-scroll">
      <table className="data-table arch-compare" data-testid="compare-table">
        <caption>
          Counted by the engine from the reference specs, for one image at each net’s input size (224×224; AlexNet
          227×227, ZFNet 225×225, LeNet-5 32×32)
        </caption>
        <thead>
          <tr>
            <th scope="col">Net</th>
            <th scope="col">Parameters</th>
            <th scope="col">Multiply-adds</th>
            <th scope="col">The lecture says</th>
            <th scope="col">Top-5 error (lecture)</th>
          </tr>
        </thead>
        <tbody>
          {REFERENCE_ROWS.map((row) => (
            <Row key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
