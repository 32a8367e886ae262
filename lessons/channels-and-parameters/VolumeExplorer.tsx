/**
 * The conv-layer explorer: set the input volume (D1, H1, W1), the filter size F, the number of
 * filters K, the stride S and the padding P, or load one of the lecture's cases with one click.
 * The drawing and every number beside it come from the engine: summarize() gives the output
 * volume and the weight and bias counts, outputSize() writes the size formula with the numbers
 * in. An impossible setting shows the engine's message in place of the output. Shapes are written
 * channels first (D×H×W), like the engine and the layer calculator; the lecture's width-first order
 * appears once, as a note.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { formatCount, formatShape, summaryResult } from '../../app/ui/summaryResult';
import { outputSize } from '../../engine/spec';
import { VolumeDrawing } from './VolumeDrawing';
import { CONV_EXAMPLES, type ConvSettings, convSpec } from './volume';

const texCount = (n: number): string => formatCount(n).replace(/,/g, '{,}');

export function VolumeExplorer(): ReactElement {
  const [c, setC] = useState<ConvSettings>(CONV_EXAMPLES[0]!.settings);
  const [exampleId, setExampleId] = useState<string | null>(CONV_EXAMPLES[0]!.id);
  const result = useMemo(() => summaryResult(convSpec(c)), [c]);
  const set =
    (key: keyof ConvSettings) =>
    (value: number | boolean): void => {
      setC((prev) => ({ ...prev, [key]: value }));
      setExampleId(null);
    };

  const layer = result.ok ? result.summary.layers[1]! : null;
  const out = layer ? (layer.outputShape as readonly [number, number, number]) : null;
  const perFilter = layer ? layer.weights / c.k : 0;
  const size = outputSize({ size: c.w, kernel: c.f, stride: c.s, padStart: c.p });

  return (
    <div className="explorer" data-testid="volume-explorer">
      <fieldset className="example-buttons">
        <legend>Lecture examples</legend>
        {CONV_EXAMPLES.map((ex) => (
          <button
            type="button"
            key={ex.id}
            className="button"
            aria-pressed={exampleId === ex.id}
            title={ex.source}
            onClick={() => {
              setC(ex.settings);
              setExampleId(ex.id);
            }}
          >
            {ex.label}
          </button>
        ))}
      </fieldset>
      <div className="field-row">
        <NumberField label="Input depth D₁" value={c.d} onChange={set('d')} min={1} max={1024} integer />
        <NumberField label="Input height H₁" value={c.h} onChange={set('h')} min={1} max={512} integer />
        <NumberField label="Input width W₁" value={c.w} onChange={set('w')} min={1} max={512} integer />
        <NumberField label="Filter size F" value={c.f} onChange={set('f')} min={1} max={31} integer />
        <NumberField label="Filters K" value={c.k} onChange={set('k')} min={1} max={1024} integer />
        <NumberField label="Stride S" value={c.s} onChange={set('s')} min={1} max={8} integer />
        <NumberField label="Padding P" value={c.p} onChange={set('p')} min={0} max={15} integer />
        <label className="check-field">
          <input type="checkbox" checked={c.bias} onChange={(e) => set('bias')(e.target.checked)} />
          Bias per filter
        </label>
      </div>
      <div className="explorer-main">
        <VolumeDrawing input={[c.d, c.h, c.w]} filter={c.f} output={out} />
        <output className="volume-readout" aria-live="polite" data-testid="volume-readout">
          {layer && out ? (
            <>
              <p>
                Output volume <strong data-testid="volume-out">{formatShape(out)}</strong>{' '}
                <span className="muted">
                  (depth × height × width; the lecture’s slides write it width first, {`${out[2]}×${out[1]}×${out[0]}`})
                </span>
              </p>
              <TeX block tex={`D_2 = K = ${c.k}`} />
              <TeX block tex={`W_2 = ${size.formula.replace(/·/g, '\\cdot ')}`} />
              <p>
                Weights per filter <TeX tex={`F\\cdot F\\cdot D_1 = ${c.f}\\cdot ${c.f}\\cdot ${c.d}`} /> ={' '}
                <strong data-testid="volume-per-filter">{formatCount(perFilter)}</strong>
              </p>
              <p>
                Weights <TeX tex={`${texCount(perFilter)}\\cdot ${c.k}`} /> ={' '}
                <strong data-testid="volume-weights">{formatCount(layer.weights)}</strong>, biases{' '}
                <strong data-testid="volume-biases">{formatCount(layer.biases)}</strong>, parameters{' '}
                <strong data-testid="volume-params">{formatCount(layer.params)}</strong>
              </p>
            </>
          ) : (
            <p className="field-message--error" role="alert" data-testid="volume-error">
              {result.ok ? '' : result.error.detail}
            </p>
          )}
        </output>
      </div>
    </div>
  );
}
