/**
 * The class activation map of the chosen image (Zhou et al. 2016): M_c(x, y) = Σ_k w_ck f_k(x, y)
 * over the last convolution's maps f_k, weighted by the dense layer's weights for class c, laid
 * over the digit. Because the net ends in global average pooling and one dense layer, the map's
 * mean plus the class bias is exactly the class score; the widget prints both sides.
 */
import { type ReactElement, useState } from 'react';
import { ClassSelect } from './ClassSelect';
import { inspectImage, pixelsOf } from './chosenInput';
import { ImagePicker } from './ImagePicker';
import { useLearned } from './learnedRun';
import { OverlayCanvas } from './OverlayCanvas';
import { mean } from './overlay';
import { TileCanvas } from './TileCanvas';
import { imageKey, useForward } from './useForward';
import { useWorkerQuery } from './useWorkerQuery';

export function CamView(): ReactElement {
  const { version, image, controls } = useLearned();
  const [classIndex, setClassIndex] = useState<number | null>(null);
  const forward = useForward();
  const pixels = pixelsOf(forward.value);
  const fcIndex = (controls.view.summary?.layers.length ?? 0) - 1;
  const result = useWorkerQuery(
    version === null
      ? null
      : async (run) => {
          const [cam, weights] = await Promise.all([
            run.inspect({ kind: 'cam', image: inspectImage(image), classIndex }),
            run.snapshot('weights', fcIndex, 0),
          ]);
          if (cam.kind !== 'cam') throw new Error('The worker answered another question.');
          const bias = weights.find((t) => t.name.endsWith('.bias'))?.data[cam.classIndex] ?? 0;
          return { cam, bias };
        },
    `${imageKey(image)}/${classIndex}@${version}`,
  );
  const r = result.value;
  const average = r ? mean(r.cam.map) : 0;
  return (
    <div className="wl-cam" data-testid="cam">
      <ImagePicker />
      <ClassSelect value={classIndex} onChange={setClassIndex} />
      {result.error ? <p className="field-message--error">{result.error}</p> : null}
      {r && pixels ? (
        <>
          <div className="wl-pair">
            <figure
              data-testid="cam-overlay"
              data-class={r.cam.classIndex}
              data-map={JSON.stringify(Array.from(r.cam.map))}
              data-bias={r.bias}
              data-score={r.cam.score}
            >
              <OverlayCanvas
                image={pixels}
                height={28}
                width={28}
                map={r.cam.map}
                mapHeight={r.cam.height}
                mapWidth={r.cam.width}
                scale={6}
                label={`Class activation map of class ${r.cam.classIndex} over the digit`}
              />
              <figcaption>
                CAM of class {r.cam.classIndex} over the digit (upsampled from {r.cam.height}×{r.cam.width})
              </figcaption>
            </figure>
            <figure>
              <TileCanvas
                tiles={[r.cam.map.map((v) => Math.max(0, v))]}
                height={r.cam.height}
                width={r.cam.width}
                columns={1}
                scale={24}
                label={`The ${r.cam.height}×${r.cam.width} map itself, positive part`}
              />
              <figcaption>
                the {r.cam.height}×{r.cam.width} map on {r.cam.layerId}
              </figcaption>
            </figure>
          </div>
          <p data-testid="cam-check">
            Mean of the map <span data-testid="cam-mean">{average.toFixed(4)}</span> + bias b
            <sub>{r.cam.classIndex}</sub> <span data-testid="cam-bias">{r.bias.toFixed(4)}</span> ={' '}
            {(average + r.bias).toFixed(4)}; the class score S<sub>{r.cam.classIndex}</sub> is{' '}
            <span data-testid="cam-score">{r.cam.score.toFixed(4)}</span>.
          </p>
        </>
      ) : (
        <p className="muted">Waiting for the net…</p>
      )}
    </div>
  );
}
