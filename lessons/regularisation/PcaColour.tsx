/**
 * AlexNet's PCA colour augmentation, computed by engine/data/pca-colour.ts: the RGB covariance of
 * a set of pictures (generated scenes, or CIFAR-10 once loaded), its eigenvalues and eigenvectors,
 * and copies of one picture each shifted by [p1 p2 p3][a1·l1, a2·l2, a3·l3]^T with fresh draws
 * a_i ~ N(0, σ²). The lecture's σ is 0.1, which is deliberately subtle; the slider goes higher so
 * the direction of the shifts can be seen.
 */
import { type ReactElement, useId, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import type { BatchShape } from '../../engine/data/augment';
import { gatherBatch } from '../../engine/data/batch';
import type { Dataset } from '../../engine/data/dataset';
import { applyPcaColour, type ColourPca, colourPca, pcaColourOffset } from '../../engine/data/pca-colour';
import { createRng } from '../../engine/tensor/rng';
import { count, fmt } from './format';
import { PcaTable } from './PcaTable';
import { redrawKeyProps } from './redrawKeys';
import { makeScenes, SCENE_SHAPE } from './scenes';

const COPIES = 6;
/** CIFAR images the covariance is measured over (plenty for a stable 3x3 estimate). */
const CIFAR_PCA_IMAGES = 1000;
type Source = 'scenes' | 'cifar';

interface PictureSet {
  readonly images: Float32Array;
  readonly shape: BatchShape;
  readonly pca: ColourPca;
}

function cifarSet(cifar: Dataset): PictureSet {
  const n = Math.min(CIFAR_PCA_IMAGES, cifar.count);
  const images = gatherBatch(
    cifar,
    Array.from({ length: n }, (_, i) => i),
    new Float32Array(n * 3 * 32 * 32),
  );
  const shape: BatchShape = [n, 3, 32, 32];
  return { images, shape, pca: colourPca(images, shape) };
}

function sceneSet(): PictureSet {
  const images = makeScenes();
  return { images, shape: SCENE_SHAPE, pca: colourPca(images, SCENE_SHAPE) };
}

const signed = (v: number): string => `${v >= 0 ? '+' : '−'}${fmt(Math.abs(v), 3)}`;

export function PcaColour({ cifar }: { readonly cifar: Dataset | null }): ReactElement {
  const uid = useId();
  const [source, setSource] = useState<Source>('scenes');
  const [picture, setPicture] = useState(0);
  const [sigma, setSigma] = useState(0.1);
  const [draw, setDraw] = useState(1);
  const scenes = useMemo(sceneSet, []);
  const cifarPictures = useMemo(() => (cifar ? cifarSet(cifar) : null), [cifar]);
  const set = source === 'cifar' && cifarPictures ? cifarPictures : scenes;
  const [, c, h, w] = set.shape;
  const size = c * h * w;
  const at = Math.min(picture, set.shape[0] - 1);

  const made = useMemo(() => {
    const one = set.images.subarray(at * size, (at + 1) * size);
    const batch = new Float32Array(COPIES * size);
    for (let i = 0; i < COPIES; i++) batch.set(one, i * size);
    const { result, alphas } = applyPcaColour(batch, [COPIES, c, h, w], set.pca, sigma, createRng(draw * 7 + 3));
    return {
      original: one,
      copies: alphas.map((a, i) => ({
        alphas: a,
        offset: pcaColourOffset(set.pca, a),
        pixels: result.subarray(i * size, (i + 1) * size),
      })),
    };
  }, [set, at, size, c, h, w, sigma, draw]);

  const redraw = (): void => setDraw((d) => d + 1);

  return (
    <div
      className="reg-widget"
      data-testid="pca-colour"
      data-source={set === scenes ? 'scenes' : 'cifar'}
      data-sigma={sigma}
      data-covariance={JSON.stringify(set.pca.covariance)}
      data-eigenvalues={JSON.stringify(set.pca.eigenvalues)}
      data-eigenvectors={JSON.stringify(set.pca.eigenvectors)}
    >
      <div className="reg-controls">
        {cifarPictures && (
          <ChoiceGroup
            legend="Pictures"
            options={[
              { value: 'scenes', label: 'Generated scenes' },
              { value: 'cifar', label: 'CIFAR-10' },
            ]}
            value={source}
            onChange={setSource}
          />
        )}
        <div className="button-row" role="toolbar" aria-label="Choose the picture">
          <button type="button" className="button" onClick={() => setPicture(Math.max(0, at - 1))} disabled={at === 0}>
            ◀ Previous
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setPicture(Math.min(set.shape[0] - 1, at + 1))}
            disabled={at === set.shape[0] - 1}
          >
            Next ▶
          </button>
          <span className="reg-status">
            picture {count(at + 1)} of {count(set.shape[0])}
          </span>
        </div>
      </div>
      <PcaTable pca={set.pca} caption={`R, G, B over all ${count(set.shape[0])} pictures (0–1 scale)`} />
      <div className="reg-controls">
        <div className="number-field reg-slider">
          <label htmlFor={`${uid}-sigma`}>σ = {fmt(sigma, 2)}</label>
          <input
            id={`${uid}-sigma`}
            type="range"
            min={0}
            max={3}
            step={0.05}
            value={sigma}
            onChange={(e) => setSigma(Number(e.target.value))}
          />
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setSigma(0.1)}>
            σ = 0.1 (AlexNet)
          </button>
          <button type="button" className="button" onClick={() => setSigma(2)}>
            σ = 2 (exaggerated)
          </button>
          <button type="button" className="button button--primary" onClick={redraw}>
            New colours (R)
          </button>
        </div>
      </div>
      <div className="reg-gallery">
        <figure className="reg-tile reg-tile--original" data-testid="pca-original">
          <ImageCanvas data={made.original} shape={[c, h, w]} range={[0, 1]} scale={3} label="original picture" />
          <figcaption>original</figcaption>
        </figure>
        <div className="reg-copies" {...redrawKeyProps(redraw, 'Colour-shifted copies; press R to draw again')}>
          {made.copies.map((copy, i) => (
            <figure
              // biome-ignore lint/suspicious/noArrayIndexKey: copies are positions in the batch.
              key={i}
              className="reg-tile"
              data-copy={i}
              data-alphas={JSON.stringify(copy.alphas)}
              data-offset={JSON.stringify(copy.offset)}
            >
              <ImageCanvas data={copy.pixels} shape={[c, h, w]} range={[0, 1]} scale={3} label={`copy ${i + 1}`} />
              <figcaption>
                R {signed(copy.offset[0])}
                <br />G {signed(copy.offset[1])}
                <br />B {signed(copy.offset[2])}
              </figcaption>
            </figure>
          ))}
        </div>
      </div>
    </div>
  );
}
