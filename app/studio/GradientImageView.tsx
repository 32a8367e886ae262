/**
 * "Gradient images": the image the network finds most like a class, found by gradient ascent on
 * the input (argmax_I S_c(I) - lambda ||I||^2, with a small total-variation prior, jitter and an
 * occasional blur so it is not pure high-frequency noise). Runs only on request: the button asks
 * the worker for CHUNKS chunks of STEPS_PER_CHUNK steps, one after another (never two at once),
 * each continuing from the last image, and shows the image after every chunk. Asking again goes
 * on climbing from there; changing the class or the model starts from grey.
 */
import { type ReactElement, useEffect, useRef, useState } from 'react';
import type { AscentOptions } from '../../engine/inspect/ascent';
import { useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { errorText, studioClient } from './controller';

const CHUNKS = 4;
const STEPS_PER_CHUNK = 25;
/** Normalised steps (stepSize in pixels), kept inside the [0, 1] range the net was trained on. */
export const ASCENT_OPTIONS: AscentOptions = {
  stepSize: 0.01,
  l2: 0.005,
  tv: 0.02,
  jitter: 1,
  blurEvery: 5,
  blurSigma: 0.5,
  normalise: true,
  clamp: [0, 1],
};
const NO_CLASSES: readonly string[] = [];

interface Climb {
  readonly image: Float32Array;
  readonly steps: number;
  readonly score: number;
}

export function GradientImageView(): ReactElement {
  const built = useStudio((s) => s.built);
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const [classIndex, setClassIndex] = useState(0);
  const [climb, setClimb] = useState<Climb | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped on a class or model change and on unmount, so a climb in flight stops and is dropped.
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new class or model restarts from grey
  useEffect(() => {
    generation.current++;
    setClimb(null);
    setError(null);
    setRunning(false);
    return () => {
      generation.current++;
    };
  }, [classIndex, built]);

  if (!built) return <p className="muted">Waiting for the model…</p>;
  const [c = 1, h = 1, w = 1] = built.layers[0]!.outputShape as readonly number[];

  const run = async (): Promise<void> => {
    const mine = ++generation.current;
    setRunning(true);
    setError(null);
    let current = climb;
    try {
      for (let i = 0; i < CHUNKS; i++) {
        const result = await studioClient().inspect({
          kind: 'ascent',
          target: { kind: 'class', classIndex },
          options: { ...ASCENT_OPTIONS, seed: (current?.steps ?? 0) + 1 },
          steps: STEPS_PER_CHUNK,
          start: current ? current.image.slice() : null,
        });
        if (generation.current !== mine || result.kind !== 'ascent') return;
        current = {
          image: result.image,
          steps: (current?.steps ?? 0) + STEPS_PER_CHUNK,
          score: result.trace.at(-1)?.score ?? Number.NaN,
        };
        setClimb(current);
      }
    } catch (e) {
      if (generation.current === mine) setError(errorText(e));
    } finally {
      if (generation.current === mine) setRunning(false);
    }
  };

  return (
    <div data-testid="gradient-image-view">
      <p className="studio-caption">
        Gradient ascent on the image for one class score: maximise S<sub>c</sub>(I) − λ‖I‖², with λ ={' '}
        <span data-testid="ascent-lambda">{ASCENT_OPTIONS.l2}</span>, plus a small smoothness prior, starting from grey.
      </p>
      <div className="gradient-controls">
        <label>
          Class{' '}
          <select value={classIndex} onChange={(e) => setClassIndex(Number(e.target.value))} disabled={running}>
            {classes.map((n, i) => (
              <option key={n} value={i}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? 'Climbing…' : climb ? `Climb ${CHUNKS * STEPS_PER_CHUNK} more steps` : 'Make the gradient image'}
        </button>
      </div>
      {error && (
        <p className="studio-error" role="alert">
          {error}
        </p>
      )}
      {climb && (
        <figure className="gradient-image" data-testid="gradient-image" data-steps={climb.steps}>
          <ImageCanvas
            data={climb.image}
            shape={[c, h, w]}
            range={[0, 1]}
            scale={140 / w}
            label={`Gradient image of class ${classes[classIndex] ?? classIndex}`}
          />
          <figcaption>
            {classes[classIndex] ?? classIndex} after {climb.steps} steps: S = {climb.score.toFixed(2)}
          </figcaption>
        </figure>
      )}
    </div>
  );
}
