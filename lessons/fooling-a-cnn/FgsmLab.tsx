/**
 * The fast gradient sign attack, live: pick a validation image the net classifies, move epsilon,
 * and see the original, the perturbation epsilon·sign(∂L/∂x) (red −, blue +, clipped where the
 * pixel would leave [0, 1]), the adversarial image, the class probabilities and the loss before
 * and after. "Find the smallest epsilon" tries the slider's steps from the bottom until the
 * prediction changes. Every number comes from the worker's 'fgsm' query on the trained weights;
 * the pixel values are also data attributes so tests can check them against epsilon.
 */

import { type ReactElement, useEffect, useMemo, useState } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { SignedImageCanvas } from '../../app/ui/SignedImageCanvas';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { aDigit } from '../cnn-codes/classColours';
import { ProbabilityBars } from './ProbabilityBars';
import { attack, useFgsm } from './useFgsm';
import type { Samples } from './useSamples';

const PIXELS = 784;
export const EPSILON_STEP = 0.01;
export const EPSILON_MAX = 0.3;

const argmax = (p: Float32Array): number => p.indexOf(Math.max(...p));
const fixed = (values: Float32Array): string => JSON.stringify(Array.from(values, (v) => Number(v.toFixed(6))));

type Search =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly epsilon: number }
  | { readonly status: 'found'; readonly epsilon: number }
  | { readonly status: 'none' };

export function FgsmLab({
  controls,
  samples,
}: {
  readonly controls: WorkerRunControls;
  readonly samples: Samples;
}): ReactElement {
  const firstRight = Math.max(
    0,
    samples.predictions.findIndex((p, i) => p === samples.labels[i]),
  );
  const [index, setIndex] = useState(firstRight);
  const [epsilon, setEpsilon] = useState(0.1);
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const pixels = useMemo(() => samples.images.slice(index * PIXELS, (index + 1) * PIXELS), [samples, index]);
  const label = samples.labels[index]!;
  const { attack: result, message } = useFgsm(controls, pixels, label, epsilon);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new image starts a new search
  useEffect(() => setSearch({ status: 'idle' }), [index, samples]);

  const findSmallest = async (): Promise<void> => {
    const steps = Math.round(EPSILON_MAX / EPSILON_STEP);
    for (let k = 1; k <= steps; k++) {
      const e = Number((k * EPSILON_STEP).toFixed(2));
      setSearch({ status: 'searching', epsilon: e });
      const a = await attack(controls, pixels, label, e);
      if (argmax(a.after) !== label) {
        setSearch({ status: 'found', epsilon: e });
        setEpsilon(e);
        return;
      }
    }
    setSearch({ status: 'none' });
  };

  const before = result ? argmax(result.before) : null;
  const after = result ? argmax(result.after) : null;
  return (
    <div
      className="fo-lab"
      data-testid="fgsm"
      data-index={index}
      data-label={label}
      data-epsilon={result?.epsilon}
      data-pred-before={before ?? undefined}
      data-pred-after={after ?? undefined}
      data-loss-before={result?.lossBefore}
      data-loss-after={result?.lossAfter}
      data-original={result ? fixed(pixels) : undefined}
      data-perturbation={result ? fixed(result.perturbation) : undefined}
      data-flip-epsilon={search.status === 'found' ? search.epsilon : undefined}
      data-search={search.status}
    >
      <div className="fo-controls">
        <div className="button-row">
          <button type="button" onClick={() => setIndex((index + samples.labels.length - 1) % samples.labels.length)}>
            Previous image
          </button>
          <button type="button" onClick={() => setIndex((index + 1) % samples.labels.length)}>
            Next image
          </button>
        </div>
        <label className="fo-slider">
          <span>
            ε = <strong data-testid="fgsm-epsilon">{epsilon.toFixed(2)}</strong>
          </span>
          <input
            type="range"
            min={0}
            max={EPSILON_MAX}
            step={EPSILON_STEP}
            value={epsilon}
            onChange={(e) => setEpsilon(Number(e.target.value))}
            aria-label="Epsilon, the size of the step on every pixel"
          />
        </label>
        <button type="button" onClick={() => void findSmallest()} disabled={search.status === 'searching'}>
          Find the smallest ε that flips it
        </button>
      </div>
      <p className="cc-status" role="status">
        Image {index} of the first {samples.labels.length} validation digits: {aDigit(label)}, which the net (after{' '}
        {samples.step} steps) calls {aDigit(samples.predictions[index]!)}.{' '}
        {search.status === 'searching' && `Trying ε = ${search.epsilon.toFixed(2)}…`}
        {search.status === 'found' &&
          `The smallest ε on the slider that changes the prediction is ${search.epsilon.toFixed(2)}.`}
        {search.status === 'none' && `No ε up to ${EPSILON_MAX} changes the prediction for this image.`}
      </p>
      {message && <p className="field-message--error">{message}</p>}
      {result && (
        <>
          <div className="fo-images">
            <figure>
              <ImageCanvas data={pixels} shape={[1, 28, 28]} range={[0, 1]} scale={5} label={`The original ${label}`} />
              <figcaption>
                original: <strong data-testid="fgsm-before">{before}</strong>
              </figcaption>
            </figure>
            <span className="fo-op" aria-hidden="true">
              +
            </span>
            <figure>
              <SignedImageCanvas
                data={result.perturbation}
                height={28}
                width={28}
                extent={Math.max(result.epsilon, 1e-6)}
                scale={5}
                label={`The perturbation: each pixel moved by at most ${result.epsilon}`}
                testId="fgsm-perturbation"
              />
              <figcaption>perturbation, ±{result.epsilon.toFixed(2)}</figcaption>
            </figure>
            <span className="fo-op" aria-hidden="true">
              =
            </span>
            <figure>
              <ImageCanvas
                data={result.image}
                shape={[1, 28, 28]}
                range={[0, 1]}
                scale={5}
                label="The adversarial image"
              />
              <figcaption>
                adversarial: <strong data-testid="fgsm-after">{after}</strong>
                {after !== label && <span className="fo-flipped"> (fooled)</span>}
              </figcaption>
            </figure>
          </div>
          <p data-testid="fgsm-loss">
            Loss −log p(true digit): {result.lossBefore.toFixed(3)} before, {result.lossAfter.toFixed(3)} after.
          </p>
          <ProbabilityBars before={result.before} after={result.after} label={label} />
        </>
      )}
    </div>
  );
}
