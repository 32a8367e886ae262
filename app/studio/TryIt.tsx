/**
 * Try it: draw a digit (MNIST-shaped models) or upload an image (any dataset) and watch the
 * network read it. The image goes to the worker as a 'predict' request (with activations, for the
 * inspector), again after every few training steps, so the probabilities sharpen as the model
 * learns. Shows the image the network actually sees, the top three classes and a bar for every class.
 */
import { type ReactElement, useState } from 'react';
import { setDrawing, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { DrawPad } from './DrawPad';
import { imageToInput } from './imageInput';
import { markLiveDirty } from './live';

/** One empty list, so the store selector returns a stable value (a new [] would re-render forever). */
const NO_CLASSES: readonly string[] = [];

export function TryIt(): ReactElement {
  const shape = useStudio((s) => s.dataset.info?.shape);
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const drawing = useStudio((s) => s.drawing);
  const prediction = useStudio((s) => s.prediction);
  const [uploadNote, setUploadNote] = useState<{ readonly text: string; readonly error: boolean } | null>(null);
  const drawable = shape?.join() === '1,28,28';
  const probs = prediction ? [...prediction.probabilities] : [];
  const top = probs
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);

  return (
    <section className="studio-card try-it" aria-labelledby="try-title" data-testid="try-it">
      <h2 id="try-title">Try it</h2>
      {!shape ? (
        <p className="muted">Load a dataset to try the network on your own images.</p>
      ) : (
        <div className="try-body">
          {drawable && (
            <DrawPad
              onDrawing={(image) => {
                setDrawing(image);
                setUploadNote(null);
                markLiveDirty();
              }}
            />
          )}
          <div className="try-result" aria-live="polite">
            <label className="try-upload">
              {drawable ? 'Or upload an image' : 'Upload an image'}
              <input
                type="file"
                accept="image/*"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (!file) return;
                  imageToInput(file, shape)
                    .then(({ data, inverted }) => {
                      setDrawing(data);
                      markLiveDirty();
                      setUploadNote({
                        text: `${file.name}, centre square at ${shape[1]}×${shape[2]}${inverted ? ', inverted to light on dark like MNIST' : ''}.`,
                        error: false,
                      });
                    })
                    .catch((e: unknown) =>
                      setUploadNote({ text: e instanceof Error ? e.message : String(e), error: true }),
                    );
                }}
              />
            </label>
            {uploadNote && (
              <p className={uploadNote.error ? 'studio-error' : 'muted'} role={uploadNote.error ? 'alert' : undefined}>
                {uploadNote.text}
              </p>
            )}
            {drawing && drawing.length === shape[0] * shape[1] * shape[2] ? (
              <ImageCanvas
                data={drawing}
                shape={shape}
                range={[0, 1]}
                scale={shape[1] <= 32 ? 2 : 1}
                label={`Your image as the network sees it (${shape[1]}×${shape[2]})`}
              />
            ) : (
              <p className="muted">{drawable ? 'Draw a digit on the black square.' : 'Any photo will do.'}</p>
            )}
            {prediction && drawing && drawing.length === shape[0] * shape[1] * shape[2] && (
              <>
                <p className="try-top" data-testid="prediction">
                  It reads <strong data-testid="predicted-class">{classes[top[0]?.i ?? 0]}</strong> (
                  {((top[0]?.p ?? 0) * 100).toFixed(1)}%)
                </p>
                <ol className="try-top3" aria-label="Top three">
                  {top.map((t) => (
                    <li key={t.i}>
                      {classes[t.i]}: {(t.p * 100).toFixed(1)}%
                    </li>
                  ))}
                </ol>
                <ul className="prob-bars" aria-label="Probability of every class" data-testid="probabilities">
                  {probs.map((p, i) => (
                    <li key={classes[i] ?? i} data-p={p} title={`${classes[i]}: ${(p * 100).toFixed(1)}%`}>
                      <span className="prob-bar" style={{ height: `${Math.max(1, p * 100)}%` }} />
                      {/* Three letters fit under a bar; the full name is in the title. */}
                      <span className="prob-label">{classes[i]?.slice(0, 3)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
