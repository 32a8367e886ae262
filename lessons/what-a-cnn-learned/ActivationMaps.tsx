/**
 * Every feature map of every layer for the chosen image, from the input to the last convolution,
 * black (0) to white (the layer's largest value), one grid per layer. Global average pooling and
 * the dense layer are vectors, so they are listed as numbers: the ten class scores and the
 * prediction they give.
 */
import type { ReactElement } from 'react';
import { ImagePicker } from './ImagePicker';
import { TileCanvas } from './TileCanvas';
import { argmax, useForward } from './useForward';

export function ActivationMaps(): ReactElement {
  const forward = useForward();
  const f = forward.value;
  return (
    <div className="wl-activations" data-testid="activations">
      <ImagePicker draw />
      {forward.error ? <p className="field-message--error">{forward.error}</p> : null}
      {f ? (
        <>
          <p data-testid="prediction" data-class={argmax(f.probabilities)}>
            The net says <strong>{argmax(f.probabilities)}</strong> with probability{' '}
            {(f.probabilities[argmax(f.probabilities)]! * 100).toFixed(1)}%.
          </p>
          <div className="wl-layer-maps">
            {f.activations
              .filter((t) => t.shape.length === 4)
              .map((t) => {
                const [, channels = 1, h = 1, w = 1] = t.shape;
                const maps = Array.from({ length: channels }, (_, c) => t.data.subarray(c * h * w, (c + 1) * h * w));
                return (
                  <figure key={t.name} className="wl-map-layer" data-testid="map-layer" data-layer={t.name}>
                    <TileCanvas
                      tiles={maps}
                      height={h}
                      width={w}
                      columns={Math.min(channels, 8)}
                      scale={h >= 28 ? 3 : h >= 14 ? 4 : 6}
                      label={`${t.name}: ${channels} maps of ${h}×${w}`}
                    />
                    <figcaption>
                      <strong>{t.name}</strong>: {channels} map{channels === 1 ? '' : 's'} of {h}×{w}
                    </figcaption>
                  </figure>
                );
              })}
          </div>
        </>
      ) : (
        <p className="muted">Waiting for the net…</p>
      )}
    </div>
  );
}
