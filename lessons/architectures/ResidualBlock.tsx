/**
 * A residual block to take apart: basic or bottleneck, input depth, width, stride, and an identity
 * or projection shortcut. The block is a spec (residualSpec.ts) summarized by the engine; its
 * layers, parameters and multiply-adds are listed, the shortcut's own share counted apart. An
 * identity shortcut that cannot be added (the map halves, or the depth changes) shows the engine's
 * message, which proposes the projection.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, formatShape, summaryResult } from '../../app/ui/summaryResult';
import { type BlockSettings, blockOut, residualSpec } from './residualSpec';

const START: BlockSettings = {
  kind: 'basic',
  inChannels: 64,
  side: 56,
  width: 64,
  stride: 1,
  shortcut: 'identity',
  strideOn: '3x3',
};

export function ResidualBlock(): ReactElement {
  const [s, setS] = useState<BlockSettings>(START);
  const set = <K extends keyof BlockSettings>(key: K, value: BlockSettings[K]): void =>
    setS((prev) => ({ ...prev, [key]: value }));
  const result = useMemo(() => summaryResult(residualSpec(s)), [s]);
  const shortcutParams = result.ok
    ? result.summary.layers.filter((l) => l.id.startsWith('sc_')).reduce((sum, l) => sum + l.params, 0)
    : 0;

  return (
    <div className="explorer" data-testid="residual-block">
      <div className="arch-fields">
        <ChoiceGroup
          legend="Block"
          options={[
            { value: 'basic', label: 'Basic (3×3, 3×3)' },
            { value: 'bottleneck', label: 'Bottleneck (1×1, 3×3, 1×1)' },
          ]}
          value={s.kind}
          onChange={(v) => set('kind', v)}
        />
        <ChoiceGroup
          legend="Shortcut"
          options={[
            { value: 'identity', label: 'Identity' },
            { value: 'projection', label: '1×1 projection' },
          ]}
          value={s.shortcut}
          onChange={(v) => set('shortcut', v)}
        />
        <ChoiceGroup
          legend="Stride"
          options={[
            { value: 1, label: '1' },
            { value: 2, label: '2 (halve the map)' },
          ]}
          value={s.stride}
          onChange={(v) => set('stride', v)}
        />
        {s.kind === 'bottleneck' && (
          <ChoiceGroup
            legend="Stride on"
            options={[
              { value: '1x1', label: 'first 1×1 (paper)' },
              { value: '3x3', label: '3×3 (torchvision)' },
            ]}
            value={s.strideOn}
            onChange={(v) => set('strideOn', v)}
          />
        )}
      </div>
      <div className="arch-fields">
        <NumberField
          label="Input depth"
          value={s.inChannels}
          onChange={(v) => set('inChannels', v)}
          min={1}
          max={4096}
          integer
        />
        <NumberField
          label={s.kind === 'basic' ? 'Filters' : 'Inner width (output is 4×)'}
          value={s.width}
          onChange={(v) => set('width', v)}
          min={1}
          max={2048}
          integer
        />
        <NumberField label="Map size" value={s.side} onChange={(v) => set('side', v)} min={2} max={224} integer />
      </div>
      {result.ok ? (
        <>
          <div className="arch-scroll">
            <table className="data-table" data-testid="residual-table">
              <caption>
                {formatShape([s.inChannels, s.side, s.side])} in, {formatShape(result.summary.outputShape)} out
              </caption>
              <thead>
                <tr>
                  <th scope="col">Layer</th>
                  <th scope="col">Output</th>
                  <th scope="col">Params</th>
                  <th scope="col">Mult-adds</th>
                </tr>
              </thead>
              <tbody>
                {result.summary.layers.slice(1).map((l) => (
                  <tr key={l.index} data-testid="residual-layer" data-id={l.id}>
                    <th scope="row">
                      {l.id} <span className="muted">({l.type})</span>
                    </th>
                    <td data-col="out">{formatShape(l.outputShape)}</td>
                    <td data-col="params">{formatCount(l.params)}</td>
                    <td data-col="macs">{formatCount(l.macs)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Block</th>
                  <td />
                  <td data-testid="residual-params">{formatCount(result.summary.totalParams)}</td>
                  <td data-testid="residual-macs">{formatCount(result.summary.totalMacs)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p data-testid="residual-shortcut">
            {s.shortcut === 'identity'
              ? 'The identity shortcut adds no parameters and no multiply-adds.'
              : `The projection shortcut costs ${formatCount(shortcutParams)} of the block’s parameters.`}
          </p>
        </>
      ) : (
        <p className="field-message field-message--error" role="alert" data-testid="residual-error">
          {result.error.message}
        </p>
      )}
      {s.kind === 'bottleneck' && (
        <p className="muted">
          The block’s output depth is 4 × {s.width} = {blockOut(s)}.
        </p>
      )}
    </div>
  );
}
