/**
 * Live prediction from the webcam: a few times a second the current frame goes through the
 * trained model (in its worker) and every class gets a bar with its probability. One request at a
 * time, so a slow machine shows fewer updates rather than a queue.
 */
import { type ReactElement, useEffect, useState } from 'react';
import { grabFrame, useCamera } from './camera';
import { sampleInput } from './inputs';
import type { OwnTraining } from './useOwnTraining';

const EVERY_MS = 200;

export function LivePredict({ training }: { readonly training: OwnTraining }): ReactElement {
  const cameraOn = useCamera((s) => s.state.kind === 'on');
  const { own, shape, classNames } = training;
  const status = own.view.status;
  const usable = shape !== null && (status === 'done' || status === 'paused' || status === 'ready');
  const [probabilities, setProbabilities] = useState<Float32Array | null>(null);

  useEffect(() => {
    if (!cameraOn || !usable || !shape) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async (): Promise<void> => {
      const frame = grabFrame();
      const run = own.run();
      if (frame && run) {
        try {
          const answer = await run.predict(sampleInput(frame, shape), false);
          if (live) setProbabilities(answer.probabilities);
        } catch {
          // The model was rebuilt under us: the next tick asks the new one.
        }
      }
      if (live) timer = setTimeout(() => void tick(), EVERY_MS);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [cameraOn, usable, shape, own]);

  return (
    <section className="own-live" aria-labelledby="own-live-title" data-testid="own-live">
      <h2 id="own-live-title">Live prediction</h2>
      {!usable ? (
        <p className="muted">Train (or load) a model first; then point the camera at something.</p>
      ) : !cameraOn ? (
        <p className="muted">Turn on the camera to see what the model says about what it sees.</p>
      ) : (
        <ul className="own-bars" aria-label="Probability of each class">
          {classNames.map((name, c) => {
            const p = probabilities?.[c] ?? 0;
            return (
              <li key={name} data-testid="own-bar">
                <span className="own-bar-name">{name}</span>
                <meter min={0} max={1} value={p} aria-label={`${name} probability`} />
                <span className="own-bar-value">{(100 * p).toFixed(0)}%</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
