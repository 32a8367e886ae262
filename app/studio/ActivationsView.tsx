/**
 * What every layer outputs for one image: the chosen validation sample, or the digit drawn in
 * "Try it". Feature maps show up to MAX_CHANNELS channels, each on its own grey scale; vectors
 * (after flatten or dense) are folded into rows. Read top to bottom, it is the network's forward
 * pass for this image.
 */
import type { ReactElement } from 'react';
import type { WireTensor } from '../../engine/worker/protocol';
import { setActivationSource, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { foldVector, rangeOf } from './channelImage';
import { markLiveDirty } from './live';

const MAX_CHANNELS = 12;
/** One empty list, so the store selector returns a stable value (a new [] would re-render forever). */
const NONE: readonly WireTensor[] = [];

function LayerOutput({ tensor }: { readonly tensor: WireTensor }): ReactElement {
  const dims = tensor.shape.slice(1);
  if (dims.length === 3) {
    const [c = 1, h = 1, w = 1] = dims;
    const size = h * w;
    const shown = Math.min(c, MAX_CHANNELS);
    const scale = Math.max(1, Math.min(3, Math.round(42 / w)));
    return (
      <div className="activation-maps">
        {Array.from({ length: shown }, (_, ch) => {
          const data = tensor.data.subarray(ch * size, (ch + 1) * size);
          return (
            <ImageCanvas
              // biome-ignore lint/suspicious/noArrayIndexKey: channels are positional, with no other identity
              key={ch}
              data={data}
              shape={[1, h, w]}
              range={rangeOf(data)}
              scale={scale}
              label={`${tensor.name} channel ${ch}`}
            />
          );
        })}
        {c > shown && <span className="muted">+{c - shown} more</span>}
      </div>
    );
  }
  const n = tensor.data.length;
  const [rows, cols] = foldVector(n);
  const padded = new Float32Array(rows * cols);
  padded.set(tensor.data);
  return (
    <ImageCanvas
      data={padded}
      shape={[1, rows, cols]}
      range={rangeOf(tensor.data)}
      scale={n > 256 ? 2 : 5}
      label={`${tensor.name}, ${n} values`}
    />
  );
}

export function ActivationsView(): ReactElement {
  const source = useStudio((s) => s.activationSource);
  const sample = useStudio((s) => s.sample);
  const hasDrawing = useStudio((s) => s.drawing !== null);
  const tensors = useStudio((s) =>
    s.activationSource === 'drawing' ? (s.prediction?.activations ?? NONE) : s.activations,
  );
  return (
    <div data-testid="activations-view">
      <div className="studio-caption activation-source">
        Showing {source === 'drawing' ? 'your drawing' : `validation sample ${sample}`}.
        {hasDrawing && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setActivationSource(source === 'drawing' ? 'sample' : 'drawing');
              markLiveDirty();
            }}
          >
            Show {source === 'drawing' ? 'the validation sample' : 'your drawing'}
          </button>
        )}
      </div>
      {tensors.length === 0 && <p className="muted">Waiting for the model…</p>}
      <ol className="activation-list">
        {tensors.map((t) => (
          <li key={t.name}>
            <span className="activation-name">
              {t.name} <span className="muted">{t.shape.slice(1).join('×')}</span>
            </span>
            <LayerOutput tensor={t} />
          </li>
        ))}
      </ol>
    </div>
  );
}
