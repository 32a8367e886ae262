/**
 * The first validation images, drawn from the worker's input-layer snapshots (so they are the
 * exact tensors the network sees, scaled to [0, 1]). Clicking one chooses the sample whose
 * activations the inspector shows.
 */
import type { ReactElement } from 'react';
import { chooseSample, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { markLiveDirty } from './live';

export function SampleGrid(): ReactElement | null {
  const samples = useStudio((s) => s.samples);
  const chosen = useStudio((s) => s.sample);
  const source = useStudio((s) => s.activationSource);
  if (samples.length === 0) return null;
  return (
    <div className="sample-grid-wrap">
      <p className="studio-caption">Validation samples — pick one to inspect:</p>
      <div className="sample-grid" data-testid="sample-grid">
        {samples.map((t, i) => {
          const [, c = 1, h = 1, w = 1] = t.shape;
          return (
            <button
              key={t.name + String(i)}
              type="button"
              className="sample-button"
              aria-pressed={source === 'sample' && chosen === i}
              aria-label={`Validation sample ${i}`}
              onClick={() => {
                chooseSample(i);
                markLiveDirty();
              }}
            >
              <ImageCanvas data={t.data} shape={[c, h, w]} range={[0, 1]} scale={2} label="" />
            </button>
          );
        })}
      </div>
    </div>
  );
}
