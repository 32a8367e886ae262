/**
 * The nine held-out digits that most excite one unit (a channel of a convolution layer, averaged
 * over its positions), found by the worker running all of them through the net. Zeiler and
 * Fergus's way of saying what a unit responds to, without any gradient: look at its favourites.
 */
import { type ReactElement, useState } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { NumberField } from '../../app/ui/NumberField';
import { useLearned } from './learnedRun';
import { VALIDATION } from './net';
import { useWorkerQuery } from './useWorkerQuery';

const TOP = 9;

export function TopImages(): ReactElement {
  const { controls, version } = useLearned();
  const layers = controls.view.summary?.layers ?? [];
  const convs = layers.map((l, index) => ({ l, index })).filter(({ l }) => l.type === 'conv2d');
  const [layerId, setLayerId] = useState('conv3');
  const [unit, setUnit] = useState(0);
  const chosen = convs.find(({ l }) => l.id === layerId) ?? convs.at(-1);
  const units = chosen?.l.outputShape[0] ?? 1;
  const safeUnit = Math.min(unit, units - 1);
  const top = useWorkerQuery(
    version === null || !chosen
      ? null
      : async (run) => {
          const r = await run.inspect({
            kind: 'top-images',
            layer: chosen.index,
            unit: safeUnit,
            count: TOP,
            maxImages: VALIDATION,
          });
          if (r.kind !== 'top-images') throw new Error('The worker answered another question.');
          // The answer carries its own question, so the caption always describes the images shown.
          return { ...r, layerId: chosen.l.id, unit: safeUnit };
        },
    `${chosen?.index}/${safeUnit}@${version}`,
  );
  const r = top.value;
  const size = r ? r.imageShape.reduce((a, b) => a * b, 1) : 0;
  return (
    <div className="wl-top" data-testid="top-images">
      <div className="wl-controls">
        <label className="wl-select">
          Layer{' '}
          <select value={chosen?.l.id ?? ''} onChange={(e) => setLayerId(e.target.value)}>
            {convs.map(({ l }) => (
              <option key={l.id} value={l.id}>
                {l.id} ({l.outputShape[0]} channels)
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={`Channel (0–${units - 1})`}
          value={safeUnit}
          integer
          min={0}
          max={units - 1}
          onChange={setUnit}
        />
      </div>
      {top.error ? <p className="field-message--error">{top.error}</p> : null}
      {r ? (
        <>
          <ol className="wl-top-grid" data-testid="top-grid" data-values={JSON.stringify(Array.from(r.values))}>
            {r.indices.map((index, i) => (
              <li key={index} data-index={index}>
                <ImageCanvas
                  data={r.images.subarray(i * size, (i + 1) * size)}
                  shape={r.imageShape as [number, number, number]}
                  range={[0, 1]}
                  scale={3}
                  label={`Held-out digit ${index}`}
                />
                <span className="wl-top-value" data-testid="top-value">
                  {r.values[i]!.toFixed(3)}
                </span>
              </li>
            ))}
          </ol>
          <p className="muted">
            Mean activation of {r.layerId} channel {r.unit} over its positions, largest first, among the first{' '}
            {r.evaluated} held-out digits.
          </p>
        </>
      ) : (
        <p className="muted">{top.busy ? 'Ranking the held-out digits…' : 'Waiting for the net…'}</p>
      )}
    </div>
  );
}
