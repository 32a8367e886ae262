/**
 * AlexNet and ZFNet layer by layer, side by side: settings and output shapes of the conv, pool and
 * first dense layers of both reference specs, so what ZFNet changed (conv1, the widths of conv3-5)
 * and what that did to the maps and the parameter count can be read off one table.
 */
import type { ReactElement } from 'react';
import { formatCount, formatShape } from '../../app/ui/summaryResult';
import type { LayerSummary } from '../../engine/spec';
import { layerSettings } from './layerText';
import { layerById, useNetSummary } from './nets';

const IDS = ['conv1', 'pool1', 'conv2', 'pool2', 'conv3', 'conv4', 'conv5', 'pool5', 'fc6'] as const;

function Cells({ layer }: { layer: LayerSummary | undefined }): ReactElement {
  if (layer === undefined) return <td colSpan={3}>—</td>;
  return (
    <>
      <td>{layerSettings(layer)}</td>
      <td data-col="out">{formatShape(layer.outputShape)}</td>
      <td data-col="params">{formatCount(layer.params)}</td>
    </>
  );
}

export function ZfnetCompare(): ReactElement {
  const alex = useNetSummary('alexnet');
  const zf = useNetSummary('zfnet');
  if (alex === null || zf === null) return <p className="muted">Counting…</p>;
  if (alex.kind !== 'ok' || zf.kind !== 'ok') {
    return (
      <p className="arch-missing" data-testid="zfnet-compare">
        The AlexNet or ZFNet spec is not available in this build.
      </p>
    );
  }
  return (
    <div className="arch-scroll" data-testid="zfnet-compare">
      <table className="data-table">
        <caption>
          AlexNet ({alex.summary.layers[0]?.outputShape.join('×')} input) and ZFNet (
          {zf.summary.layers[0]?.outputShape.join('×')} input)
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Layer
            </th>
            <th scope="colgroup" colSpan={3}>
              AlexNet
            </th>
            <th scope="colgroup" colSpan={3}>
              ZFNet
            </th>
          </tr>
          <tr>
            <th scope="col">Settings</th>
            <th scope="col">Output</th>
            <th scope="col">Params</th>
            <th scope="col">Settings</th>
            <th scope="col">Output</th>
            <th scope="col">Params</th>
          </tr>
        </thead>
        <tbody>
          {IDS.map((id) => (
            <tr key={id} data-testid="zfnet-row" data-id={id}>
              <th scope="row">{id}</th>
              <Cells layer={layerById(alex.summary, id)} />
              <Cells layer={layerById(zf.summary, id)} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole net</th>
            <td colSpan={2} />
            <td data-testid="zfnet-alex-total">{formatCount(alex.summary.totalParams)}</td>
            <td colSpan={2} />
            <td data-testid="zfnet-zf-total">{formatCount(zf.summary.totalParams)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
