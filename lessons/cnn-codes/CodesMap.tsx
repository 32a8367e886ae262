/**
 * The map of the codes: read the codes of 1,000 or 2,000 validation images from the training
 * worker, embed them in 2-D with UMAP in a second worker (or embed the raw pixels instead, for
 * comparison), and draw the scatter with the active image beside it.
 */

import { type ReactElement, useMemo, useState } from 'react';
import { CodeScatter } from '../../app/ui/embedding/CodeScatter';
import { useEmbedding } from '../../app/ui/embedding/useEmbedding';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { aDigit } from './classColours';
import type { CodesProps } from './codesProps';

const COUNTS = [1000, 2000] as const;
const EMBED_SEED = 7;

export function CodesMap({ runStatus, codes, compute, active, onActive, onPick }: CodesProps): ReactElement {
  const [count, setCount] = useState<number>(COUNTS[0]);
  const [space, setSpace] = useState<'codes' | 'pixels'>('codes');
  const ready = codes.status === 'ready' ? codes.codes : null;
  const input = useMemo(
    () =>
      ready &&
      (space === 'codes'
        ? { vectors: ready.codes, dim: ready.dim, seed: EMBED_SEED }
        : { vectors: ready.images, dim: ready.images.length / ready.count, seed: EMBED_SEED }),
    [ready, space],
  );
  const latest = useEmbedding(input);
  // Points embedding an older input are not shown as current.
  const embedding =
    latest.status === 'done' && latest.input !== input ? { status: 'running' as const, epoch: 0, epochs: 0 } : latest;
  const canCompute = runStatus === 'ready' || runStatus === 'paused' || runStatus === 'done';
  const shown = ready && active < ready.count ? active : 0;

  return (
    <div className="cc-map" data-testid="codes-map" data-embedding={embedding.status} data-space={space}>
      <div className="cc-controls">
        <label>
          Images{' '}
          <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {COUNTS.map((c) => (
              <option key={c} value={c}>
                {c.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => compute(count)} disabled={!canCompute || codes.status === 'computing'}>
          Compute codes
        </button>
        <fieldset className="cc-space">
          <legend>Place the images by</legend>
          {(['codes', 'pixels'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="cc-space" checked={space === s} onChange={() => setSpace(s)} />{' '}
              {s === 'codes' ? 'their codes (32 numbers)' : 'their raw pixels (784 numbers)'}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="cc-status" role="status">
        {codes.status === 'idle' &&
          (canCompute ? 'Train the net (or not), then compute the codes.' : 'Waiting for the net…')}
        {codes.status === 'computing' && `Reading the codes of ${codes.count.toLocaleString('en-US')} images…`}
        {ready &&
          `${ready.count.toLocaleString('en-US')} codes of ${ready.dim} numbers, read after ${ready.step} training steps. `}
        {embedding.status === 'running' && `Embedding with UMAP: epoch ${embedding.epoch} of ${embedding.epochs}…`}
        {embedding.status === 'done' && 'Embedded with UMAP.'}
      </p>
      {codes.status === 'error' && <p className="field-message--error">{codes.message}</p>}
      {embedding.status === 'error' && <p className="field-message--error">{embedding.message}</p>}
      {ready && embedding.status === 'done' && (
        <div className="cc-map-body">
          <CodeScatter
            points={embedding.points}
            labels={ready.labels}
            active={shown}
            onActive={onActive}
            onPick={onPick}
            description={`${ready.labels.length} validation images placed by their codes.`}
          />
          <div className="cc-active" data-testid="codes-active" data-index={shown} data-label={ready.labels[shown]}>
            <ImageCanvas
              data={ready.images.subarray(shown * 784, (shown + 1) * 784)}
              shape={[1, 28, 28]}
              range={[0, 1]}
              scale={4}
              label={`Validation image ${shown}, ${aDigit(ready.labels[shown]!)}`}
            />
            <p>
              Image {shown}, label <strong>{ready.labels[shown]}</strong>
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
