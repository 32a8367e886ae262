/**
 * Which pixels the network looks at for the picked image (the validation sample or drawing the
 * activation inspector shows): the saliency map |dS_c/dI| (largest over colour channels) for the
 * predicted class or a chosen one, and, for a net that ends in global average pooling, the class
 * activation map (the last feature maps weighted by the class's dense weights). Both come from
 * the worker's 'inspect' request, kept fresh by usePacedQuery: one request at a time, and at
 * most one every 2 s while training.
 */
import { type ReactElement, useState } from 'react';
import type { InspectResult } from '../../engine/worker/inspect';
import { useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { rangeOf } from './channelImage';
import { studioClient } from './controller';
import { objectId, usePacedQuery } from './pacedQuery';

type MapResult = Extract<InspectResult, { kind: 'saliency' | 'cam' }>;

interface Inspection {
  /** The picked image, [C, H, W], and the range it is drawn with. */
  readonly image: ArrayLike<number>;
  readonly shape: readonly [number, number, number];
  readonly imageRange: readonly [number, number];
  readonly saliency: MapResult;
  readonly cam: MapResult | { readonly error: string };
}

/** On-screen width of each picture, in CSS px at the default root font. */
const SIZE = 112;
const NO_CLASSES: readonly string[] = [];

export function SaliencyView(): ReactElement {
  const built = useStudio((s) => s.built);
  const source = useStudio((s) => s.activationSource);
  const sample = useStudio((s) => s.sample);
  const drawing = useStudio((s) => s.drawing);
  const ready = useStudio((s) => s.dataset.status === 'ready');
  const step = useStudio((s) => s.progress?.step ?? 0);
  const training = useStudio((s) => s.status === 'running');
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const [chosen, setChosen] = useState<number | null>(null);

  const useDrawing = source === 'drawing' && drawing !== null;
  const key =
    built && ready
      ? [objectId(built), useDrawing ? `d${objectId(drawing)}` : `s${sample}`, chosen ?? 'p', step].join('|')
      : null;

  const answer = usePacedQuery<Inspection>(key, training, async () => {
    const client = studioClient();
    const [c = 1, h = 1, w = 1] = (built?.layers[0]?.outputShape ?? []) as readonly number[];
    const image = useDrawing ? { pixels: drawing.slice() } : { sample };
    // One after another, never side by side: each waits for the worker's next pause in training.
    const picture = useDrawing
      ? { data: drawing.slice(), range: [0, 1] as const }
      : { data: (await client.browse('validation', null, sample, 1)).images, range: [0, 255] as const };
    const saliency = (await client.inspect({ kind: 'saliency', image, classIndex: chosen })) as MapResult;
    const cam = await client
      .inspect({ kind: 'cam', image: useDrawing ? { pixels: drawing.slice() } : { sample }, classIndex: chosen })
      .then(
        (r) => r as MapResult,
        (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
      );
    return { image: picture.data, shape: [c, h, w], imageRange: picture.range, saliency, cam };
  });

  if (!built || !ready) return <p className="muted">Waiting for the model and the data…</p>;
  const result = answer.value;
  const w = result?.shape[2] ?? 1;
  const name = (i: number): string => classes[i] ?? String(i);

  return (
    <div data-testid="saliency-view">
      <div className="studio-caption saliency-controls">
        <span>
          For {useDrawing ? 'your drawing' : `validation sample ${sample}`} (pick another in the data browser).
        </span>
        <label>
          Class{' '}
          <select
            value={chosen ?? ''}
            onChange={(event) => setChosen(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">the predicted class</option>
            {classes.map((n, i) => (
              <option key={n} value={i}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      {answer.error && (
        <p className="studio-error" role="alert">
          {answer.error}
        </p>
      )}
      {!result && !answer.error && <p className="muted">Asking the worker…</p>}
      {result && (
        <div className="saliency-row">
          <figure>
            <ImageCanvas
              data={result.image}
              shape={result.shape}
              range={result.imageRange}
              scale={SIZE / w}
              label="The picked image"
            />
            <figcaption>
              the image; {chosen === null ? 'predicted' : 'p of'} {name(result.saliency.classIndex)}:{' '}
              {(result.saliency.probabilities[result.saliency.classIndex]! * 100).toFixed(1)}%
            </figcaption>
          </figure>
          <figure data-testid="saliency-map">
            <ImageCanvas
              data={result.saliency.map}
              shape={[1, result.saliency.height, result.saliency.width]}
              range={[0, rangeOf(result.saliency.map)[1]]}
              scale={SIZE / result.saliency.width}
              label={`Saliency map for class ${name(result.saliency.classIndex)}`}
            />
            <figcaption>
              saliency |∂S/∂I| for {name(result.saliency.classIndex)} (S = {result.saliency.score.toFixed(2)})
            </figcaption>
          </figure>
          <figure data-testid="cam-map">
            {'error' in result.cam ? (
              <p className="cam-message" data-testid="cam-message">
                No class activation map: {result.cam.error}
              </p>
            ) : (
              <>
                <ImageCanvas
                  data={result.cam.map}
                  shape={[1, result.cam.height, result.cam.width]}
                  range={rangeOf(result.cam.map)}
                  scale={SIZE / result.cam.width}
                  label={`Class activation map for class ${name(result.cam.classIndex)}`}
                />
                <figcaption>
                  class activation map of {name(result.cam.classIndex)} on {result.cam.layerId} ({result.cam.height}×
                  {result.cam.width})
                </figcaption>
              </>
            )}
          </figure>
        </div>
      )}
    </div>
  );
}
