/**
 * Translation invariance, measured. An MNIST digit is shifted by whole pixels (zeros fill in);
 * the original and the shifted digit are both max-pooled by the engine, once or twice with 2×2
 * windows. Among positions where either version has ink, the readout counts how many keep exactly
 * the same value: few raw pixels survive a one-pixel shift, many more pooled values do.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { maxpool } from '../../engine/cpu/maxpool';
import type { Tensor } from '../../engine/tensor/tensor';
import { useMnist } from '../images-are-tensors/useMnist';

const SIDE = 28;

function shifted(bytes: ArrayLike<number>, dx: number, dy: number): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (sr >= 0 && sr < SIDE && sc >= 0 && sc < SIDE) out[r * SIDE + c] = bytes[sr * SIDE + sc]! / 255;
    }
  }
  return out;
}

function pooled(data: Float32Array, times: number): Tensor {
  let t: Tensor = { shape: [1, 1, SIDE, SIDE], data };
  for (let i = 0; i < times; i++) t = maxpool(t, [2, 2]).y;
  return t;
}

/** Share of inked positions (non-zero in either) whose values are equal. */
function agreement(a: Float32Array, b: Float32Array): { same: number; inked: number } {
  let same = 0;
  let inked = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0 && b[i] === 0) continue;
    inked++;
    if (a[i] === b[i]) same++;
  }
  return { same, inked };
}

export function ShiftDemo(): ReactElement {
  const mnist = useMnist();
  const [shift, setShift] = useState<readonly [number, number]>([1, 0]);
  const [times, setTimes] = useState(1);
  const view = useMemo(() => {
    if (mnist.status !== 'ready') return null;
    const bytes = mnist.dataset.images.subarray(0, SIDE * SIDE);
    const a = pooled(shifted(bytes, 0, 0), times);
    const b = pooled(shifted(bytes, shift[0], shift[1]), times);
    return { a, b, stats: agreement(a.data, b.data) };
  }, [mnist, shift, times]);

  if (mnist.status === 'loading') return <p className="muted">Loading digits…</p>;
  if (mnist.status === 'error') return <p className="field-message--error">{mnist.message}</p>;
  if (!view) return <p className="muted">Preparing…</p>;
  const side = view.a.shape[3]!;
  const scale = Math.round(168 / side);
  const move = (dx: number, dy: number): void => setShift(([x, y]) => [x + dx, y + dy]);
  const pct = view.stats.inked ? Math.round((100 * view.stats.same) / view.stats.inked) : 100;

  return (
    <div className="explorer" data-testid="shift-demo">
      <div className="explorer-controls">
        <ChoiceGroup
          legend="Pooling"
          options={[
            { value: 0, label: 'none' },
            { value: 1, label: '2×2 max' },
            { value: 2, label: '2×2 max, twice' },
          ]}
          value={times}
          onChange={setTimes}
        />
        <fieldset className="button-row shift-buttons">
          <legend className="visually-hidden">Shift the digit</legend>
          <button type="button" className="button" onClick={() => move(-1, 0)}>
            Shift left
          </button>
          <button type="button" className="button" onClick={() => move(1, 0)}>
            Shift right
          </button>
          <button type="button" className="button" onClick={() => move(0, -1)}>
            Shift up
          </button>
          <button type="button" className="button" onClick={() => move(0, 1)}>
            Shift down
          </button>
          <button type="button" className="button" onClick={() => setShift([0, 0])}>
            Reset
          </button>
        </fieldset>
      </div>
      <div className="explorer-main">
        <div>
          <p className="grid-title">
            Original, {side}×{side}
          </p>
          <ImageCanvas
            data={view.a.data}
            shape={[1, side, side]}
            range={[0, 1]}
            scale={scale}
            label="Original digit, pooled"
          />
        </div>
        <div>
          <p className="grid-title">
            Shifted by ({shift[0]}, {shift[1]}), {side}×{side}
          </p>
          <ImageCanvas
            data={view.b.data}
            shape={[1, side, side]}
            range={[0, 1]}
            scale={scale}
            label="Shifted digit, pooled"
          />
        </div>
        <output
          className="flat-readout"
          aria-live="polite"
          data-testid="shift-readout"
          data-same={view.stats.same}
          data-inked={view.stats.inked}
        >
          <strong>{pct}%</strong> of the {view.stats.inked} inked positions keep exactly the same value (
          {view.stats.same} of {view.stats.inked}).
        </output>
      </div>
    </div>
  );
}
