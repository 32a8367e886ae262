/**
 * A saliency map, |dS_c/dI| for every pixel of the chosen image (Simonyan et al.), computed in the
 * worker by one backward pass from the class score to the input. Bright pixels are those where a
 * small change would move the score most.
 */
import { type ReactElement, useState } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { ClassSelect } from './ClassSelect';
import { inspectImage, pixelsOf } from './chosenInput';
import { ImagePicker } from './ImagePicker';
import { useLearned } from './learnedRun';
import { TileCanvas } from './TileCanvas';
import { imageKey, useForward } from './useForward';
import { useWorkerQuery } from './useWorkerQuery';

export function SaliencyView(): ReactElement {
  const { version, image } = useLearned();
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const forward = useForward();
  const pixels = pixelsOf(forward.value);
  const result = useWorkerQuery(
    version === null
      ? null
      : async (run) => {
          const r = await run.inspect({ kind: 'saliency', image: inspectImage(image), classIndex });
          if (r.kind !== 'saliency') throw new Error('The worker answered another question.');
          return r;
        },
    `${imageKey(image)}/${classIndex}@${version}`,
  );
  const r = result.value;
  let largest = 0;
  if (r) for (const v of r.map) largest = Math.max(largest, v);
  return (
    <div className="wl-saliency" data-testid="saliency">
      <ImagePicker />
      <ClassSelect value={classIndex} onChange={setClassIndex} />
      {result.error ? <p className="field-message--error">{result.error}</p> : null}
      <div className="wl-pair">
        {pixels ? (
          <figure>
            <ImageCanvas data={pixels} shape={[1, 28, 28]} range={[0, 1]} scale={6} label="The chosen digit" />
            <figcaption>the image</figcaption>
          </figure>
        ) : null}
        {r ? (
          <figure data-testid="saliency-map" data-max={largest} data-class={r.classIndex} data-score={r.score}>
            <TileCanvas
              tiles={[r.map]}
              height={r.height}
              width={r.width}
              columns={1}
              scale={6}
              label={`Saliency of class ${r.classIndex}: the size of the class score's gradient at each pixel`}
            />
            <figcaption>
              |∂S<sub>{r.classIndex}</sub>/∂I|, largest {largest.toPrecision(3)}
            </figcaption>
          </figure>
        ) : null}
      </div>
      {r ? (
        <p data-testid="saliency-caption">
          Class {r.classIndex}: score S<sub>{r.classIndex}</sub> = {r.score.toFixed(3)}, probability{' '}
          {(r.probabilities[r.classIndex]! * 100).toFixed(1)}%.
        </p>
      ) : null}
    </div>
  );
}
