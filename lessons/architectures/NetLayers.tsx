/**
 * A reference net, layer by layer, read-only: every layer's id, type, output shape, parameters and
 * multiply-adds from summarize(). Folded away by default; the rows are only rendered once the
 * student opens it, because the deep nets have hundreds of them. A preset the engine lacks shows
 * "not available" instead of a table.
 */
import { type ReactElement, useState } from 'react';
import { formatCount, formatShape } from '../../app/ui/summaryResult';
import { formatScaled, useNetSummary } from './nets';

export interface NetLayersProps {
  /** Preset key in engine/spec/presets.ts. */
  readonly preset: string;
}

export function NetLayers({ preset }: NetLayersProps): ReactElement {
  const [open, setOpen] = useState(false);
  const net = useNetSummary(preset);
  if (net === null) {
    return (
      <p className="muted" data-testid="net-layers" data-key={preset}>
        Counting {preset}…
      </p>
    );
  }
  if (net.kind === 'missing') {
    return (
      <p className="arch-missing" data-testid="net-layers" data-key={preset}>
        The reference spec “{preset}” is not available in this build.
      </p>
    );
  }
  if (net.kind === 'error') {
    return (
      <p className="field-message--error" data-testid="net-layers" data-key={preset}>
        {net.message}
      </p>
    );
  }
  const { summary } = net;
  return (
    <details
      className="arch-layers"
      data-testid="net-layers"
      data-key={preset}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {net.title}, layer by layer: {summary.layers.length} layers, {formatScaled(summary.totalParams)} parameters,{' '}
        {formatScaled(summary.totalMacs)} multiply-adds
      </summary>
      {open && (
        <div className="arch-layers-scroll">
          <table className="data-table arch-layers-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Layer</th>
                <th scope="col">Type</th>
                <th scope="col">Output</th>
                <th scope="col">Params</th>
                <th scope="col">Mult-adds</th>
              </tr>
            </thead>
            <tbody>
              {summary.layers.map((l) => (
                <tr key={l.index} data-testid="net-layer-row" data-id={l.id}>
                  <td>{l.index}</td>
                  <th scope="row">{l.id}</th>
                  <td>{l.type}</td>
                  <td data-col="out">{formatShape(l.outputShape)}</td>
                  <td data-col="params">{formatCount(l.params)}</td>
                  <td data-col="macs">{formatCount(l.macs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
