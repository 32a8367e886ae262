/**
 * What every layer outputs for one image: the chosen validation sample, or the digit drawn in
 * "Try it". Feature maps show up to MAX_CHANNELS channels, each on its own grey scale; vectors
 * (after flatten or dense) are folded into rows. Read top to bottom, it is the network's forward
 * pass for this image. Units of conv and pooling maps can be clicked (or picked with the arrow keys
 * and Enter): the unit's window, receptive field and arithmetic open under its layer.
 */
import { type ReactElement, useState } from 'react';
import type { LayerSummary } from '../../engine/spec';
import type { WireTensor } from '../../engine/worker/protocol';
import { setActivationSource, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { UnitArithmeticDetail, type UnitReads } from '../ui/UnitArithmeticDetail';
import { isPickable, type UnitPick } from '../ui/UnitArithmeticLayer';
import { PickableMap } from '../ui/UnitArithmeticMaps';
import { foldVector, rangeOf } from './channelImage';
import { studioClient } from './controller';
import { markLiveDirty } from './live';

const MAX_CHANNELS = 12;
/** One empty list, so the store selector returns a stable value (a new [] would re-render forever). */
const NONE: readonly WireTensor[] = [];

interface LayerOutputProps {
  readonly tensor: WireTensor;
  /** Set for conv and pooling layers: their units can be picked. */
  readonly onPick?: (channel: number, row: number, col: number) => void;
  readonly picked?: UnitPick | null;
}

function LayerOutput({ tensor, onPick, picked }: LayerOutputProps): ReactElement {
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
          if (onPick) {
            return (
              <PickableMap
                // biome-ignore lint/suspicious/noArrayIndexKey: channels are positional, with no other identity
                key={ch}
                data={data}
                height={h}
                width={w}
                range={rangeOf(data)}
                scale={scale}
                label={`${tensor.name} channel ${ch}`}
                picked={picked?.channel === ch ? picked : null}
                onPick={(row, col) => onPick(ch, row, col)}
              />
            );
          }
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
  const built = useStudio((s) => s.built);
  const [picked, setPick] = useState<(UnitPick & { readonly model: unknown }) | null>(null);
  // A rebuilt model has other layers: a pick belongs to the model it was made on.
  const pick = picked !== null && picked.model === built ? picked : null;
  const layerOf = (name: string): LayerSummary | undefined => built?.layers.find((l) => l.id === name);
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
      {tensors.length > 0 && (
        <p className="studio-caption">
          Click a unit of a conv or pooling map (or focus the map, move with the arrow keys and press Enter) to see its
          window, its receptive field and its arithmetic.
        </p>
      )}
      <ol className="activation-list">
        {tensors.map((t) => {
          const layer = layerOf(t.name);
          const pickable = layer !== undefined && isPickable(layer) && t.shape.length === 4;
          const mine = pick !== null && layer !== undefined && pick.layer === layer.index ? pick : null;
          return (
            <li key={t.name}>
              <span className="activation-name">
                {t.name} <span className="muted">{t.shape.slice(1).join('×')}</span>
              </span>
              <LayerOutput
                tensor={t}
                picked={mine}
                onPick={
                  pickable
                    ? (channel, row, col) => setPick({ layer: layer.index, channel, row, col, model: built })
                    : undefined
                }
              />
              {mine && built && (
                <div className="activation-unit">
                  <UnitArithmeticDetail
                    key={`${source}-${sample}`}
                    summary={built}
                    pick={mine}
                    read={readUnit}
                    onClose={() => setPick(null)}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** Reads the shown image's activations at every layer and layer `layer`'s weights, both now. */
async function readUnit(layer: number): Promise<UnitReads> {
  const client = studioClient();
  const { activationSource, drawing, sample } = useStudio.getState();
  const [activations, weights] = await Promise.all([
    activationSource === 'drawing' && drawing
      ? client.predict(drawing.slice(), true).then((answer) => answer.activations)
      : client.snapshot('activations', null, sample),
    client.snapshot('weights', layer, 0),
  ]);
  return { activations, weights };
}
