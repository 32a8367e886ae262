/**
 * A DenseNet block to size: input depth, growth rate k, number of layers and the optional 1×1
 * bottleneck. The block is a spec (denseSpec.ts) summarized by the engine; the table shows, layer
 * by layer, how deep its input has grown and what the layer costs, and the depth after the block
 * is the engine's output shape.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, formatShape, summaryResult } from '../../app/ui/summaryResult';
import type { ModelSummary } from '../../engine/spec';
import { type DenseSettings, denseSpec } from './denseSpec';

interface LayerRow {
  readonly l: number;
  readonly inDepth: number;
  readonly params: number;
  readonly macs: number;
  readonly outDepth: number;
}

function rows(summary: ModelSummary, count: number): LayerRow[] {
  return Array.from({ length: count }, (_, i) => {
    const l = i + 1;
    const own = summary.layers.filter((x) => x.id.startsWith(`L${l}_`));
    const cat = summary.layers.find((x) => x.id === `cat${l}`);
    return {
      l,
      inDepth: own[0]?.inputShape[0] ?? 0,
      params: own.reduce((s, x) => s + x.params, 0),
      macs: own.reduce((s, x) => s + x.macs, 0),
      outDepth: cat?.outputShape[0] ?? 0,
    };
  });
}

export function DenseBlock(): ReactElement {
  const [s, setS] = useState<DenseSettings>({ inChannels: 64, side: 56, growth: 32, layers: 6, bottleneck: true });
  const set = <K extends keyof DenseSettings>(key: K, value: DenseSettings[K]): void =>
    setS((prev) => ({ ...prev, [key]: value }));
  const result = useMemo(() => summaryResult(denseSpec(s)), [s]);

  return (
    <div className="explorer" data-testid="dense-block">
      <div className="arch-fields">
        <NumberField
          label="Input depth"
          value={s.inChannels}
          onChange={(v) => set('inChannels', v)}
          min={1}
          max={2048}
          integer
        />
        <NumberField
          label="Growth rate k"
          value={s.growth}
          onChange={(v) => set('growth', v)}
          min={1}
          max={256}
          integer
        />
        <NumberField
          label="Layers in the block"
          value={s.layers}
          onChange={(v) => set('layers', v)}
          min={1}
          max={48}
          integer
        />
        <NumberField label="Map size" value={s.side} onChange={(v) => set('side', v)} min={1} max={112} integer />
        <label className="arch-check">
          <input type="checkbox" checked={s.bottleneck} onChange={(e) => set('bottleneck', e.target.checked)} />
          1×1 bottleneck to 4k first (DenseNet-B)
        </label>
      </div>
      {result.ok ? (
        <>
          <p data-testid="dense-out">
            Depth after the block: {s.inChannels} + {s.layers} × {s.growth} ={' '}
            <strong data-testid="dense-out-depth">{result.summary.outputShape[0]}</strong> (output{' '}
            {formatShape(result.summary.outputShape)}); {formatCount(result.summary.totalParams)} parameters,{' '}
            {formatCount(result.summary.totalMacs)} multiply-adds.
          </p>
          <div className="arch-scroll arch-scroll--short">
            <table className="data-table" data-testid="dense-table">
              <thead>
                <tr>
                  <th scope="col">Layer</th>
                  <th scope="col">Depth in</th>
                  <th scope="col">Params</th>
                  <th scope="col">Mult-adds</th>
                  <th scope="col">Depth after concat</th>
                </tr>
              </thead>
              <tbody>
                {rows(result.summary, s.layers).map((r) => (
                  <tr key={r.l} data-testid="dense-row" data-layer={r.l}>
                    <th scope="row">{r.l}</th>
                    <td data-col="in">{r.inDepth}</td>
                    <td data-col="params">{formatCount(r.params)}</td>
                    <td data-col="macs">{formatCount(r.macs)}</td>
                    <td data-col="out">{r.outDepth}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="field-message field-message--error" role="alert">
          {result.error.message}
        </p>
      )}
    </div>
  );
}
