/**
 * Try it: draw a digit and watch the network read it. The drawing goes to the worker as a
 * 'predict' request (with activations, for the inspector), again after every few training steps,
 * so the probabilities sharpen as the model learns. Shows the 28x28 image the network actually
 * sees, the top three classes and a bar for every class.
 */
import type { ReactElement } from 'react';
import { setDrawing, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { DrawPad } from './DrawPad';
import { markLiveDirty } from './live';

/** One empty list, so the store selector returns a stable value (a new [] would re-render forever). */
const NO_CLASSES: readonly string[] = [];

export function TryIt(): ReactElement {
  const shape = useStudio((s) => s.dataset.info?.shape);
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const drawing = useStudio((s) => s.drawing);
  const prediction = useStudio((s) => s.prediction);
  const fits = shape?.join() === '1,28,28';
  const probs = prediction ? [...prediction.probabilities] : [];
  const top = probs
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);

  return (
    <section className="studio-card try-it" aria-labelledby="try-title" data-testid="try-it">
      <h2 id="try-title">Try it</h2>
      {!fits ? (
        <p className="muted">Drawing works with MNIST-shaped models (1×28×28); load MNIST to try it.</p>
      ) : (
        <div className="try-body">
          <DrawPad
            onDrawing={(image) => {
              setDrawing(image);
              markLiveDirty();
            }}
          />
          <div className="try-result" aria-live="polite">
            {drawing ? (
              <ImageCanvas
                data={drawing}
                shape={[1, 28, 28]}
                range={[0, 1]}
                scale={2}
                label="Your digit as the network sees it (28×28)"
              />
            ) : (
              <p className="muted">Draw a digit on the black square.</p>
            )}
            {prediction && drawing && (
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
                      <span className="prob-label">{classes[i]}</span>
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
