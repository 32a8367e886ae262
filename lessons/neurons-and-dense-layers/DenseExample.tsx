/**
 * The lecture's single-layer network, every number editable: a 1×4 input x, a 4×3 weight matrix
 * W (one column per output unit) and a 1×3 bias b. The engine's dense layer computes xW + b and
 * its ReLU the activations; each output's sum is written out term by term underneath.
 * Defaults reproduce the lecture: [1 2 4 0]·W + [2 1 3] = [1 −7 8], ReLU → [1 0 8].
 */
import { type ReactElement, useCallback, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { activate } from '../../engine/cpu/activations';
import { dense } from '../../engine/cpu/dense';

export const LECTURE_X: readonly number[] = [1, 2, 4, 0];
export const LECTURE_W: readonly number[] = [1, 0, 1, 3, 0, 2, -2, -2, 0, 1, 1, 0];
export const LECTURE_B: readonly number[] = [2, 1, 3];
const IN = 4;
const OUT = 3;

/** The engine stores dense weights one row per unit ([out, in]); the lecture writes W as [in, out]. */
function transpose(w: readonly number[]): Float32Array {
  const t = new Float32Array(IN * OUT);
  for (let i = 0; i < IN; i++) for (let j = 0; j < OUT; j++) t[j * IN + i] = w[i * OUT + j]!;
  return t;
}

const replace = (values: readonly number[], i: number, v: number): number[] =>
  values.map((old, k) => (k === i ? v : old));
const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4))));
const paren = (v: number): string => (v < 0 ? `(${fmt(v)})` : fmt(v));

export function DenseExample(): ReactElement {
  const [x, setX] = useState<readonly number[]>(LECTURE_X);
  const [w, setW] = useState<readonly number[]>(LECTURE_W);
  const [b, setB] = useState<readonly number[]>(LECTURE_B);
  const onX = useCallback((i: number, v: number) => setX((old) => replace(old, i, v)), []);
  const onW = useCallback((i: number, v: number) => setW((old) => replace(old, i, v)), []);
  const onB = useCallback((i: number, v: number) => setB((old) => replace(old, i, v)), []);

  const xt = { shape: [1, IN], data: Float32Array.from(x) };
  const wt = { shape: [OUT, IN], data: transpose(w) };
  const xw = dense(xt, wt, null).data;
  const z = dense(xt, wt, { shape: [OUT], data: Float32Array.from(b) }).data;
  const a = activate('relu', { shape: [1, OUT], data: z }).data;

  return (
    <div className="dense-example" data-testid="dense-example">
      <div className="dense-row">
        <div>
          <p className="grid-title">input x</p>
          <TensorGrid values={x} rows={1} cols={IN} label="Input x" editable onEdit={onX} size="sm" hideCaption />
        </div>
        <span className="dense-op">·</span>
        <div>
          <p className="grid-title">weights W (4×3)</p>
          <TensorGrid
            values={w}
            rows={IN}
            cols={OUT}
            label="Weights W"
            editable
            onEdit={onW}
            size="sm"
            heat="diverging"
            hideCaption
          />
        </div>
        <span className="dense-op">+</span>
        <div>
          <p className="grid-title">bias b</p>
          <TensorGrid values={b} rows={1} cols={OUT} label="Bias b" editable onEdit={onB} size="sm" hideCaption />
        </div>
      </div>
      <div className="dense-row">
        <div>
          <p className="grid-title">xW</p>
          <TensorGrid values={xw} rows={1} cols={OUT} label="Product xW" format={fmt} size="sm" hideCaption />
        </div>
        <span className="dense-op">→</span>
        <div>
          <p className="grid-title">z = xW + b</p>
          <TensorGrid values={z} rows={1} cols={OUT} label="Pre-activation z" format={fmt} size="sm" hideCaption />
        </div>
        <span className="dense-op">→</span>
        <div>
          <p className="grid-title">ReLU(z)</p>
          <TensorGrid values={a} rows={1} cols={OUT} label="Output ReLU(z)" format={fmt} size="sm" hideCaption />
        </div>
      </div>
      <div className="dense-sums">
        {[0, 1, 2].map((j) => (
          <TeX
            key={j}
            block
            tex={`z_${j + 1} = ${x.map((xi, i) => `${paren(xi)}\\cdot${paren(w[i * OUT + j]!)}`).join(' + ')} + ${paren(b[j]!)} = ${fmt(z[j]!)},\\quad \\max(0, ${fmt(z[j]!)}) = ${fmt(a[j]!)}`}
          />
        ))}
      </div>
    </div>
  );
}
