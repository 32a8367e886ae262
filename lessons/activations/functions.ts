/**
 * The lesson's activation catalogue: every f(x) and f'(x) the widgets show, evaluated by the
 * engine's kernels (engine/cpu/activations.ts) one scalar at a time. The engine writes each
 * derivative in terms of the output y, so f'(x) is the backward pass with dy = 1 applied to
 * y = f(x): exactly what back-propagation multiplies the incoming gradient by.
 */
import { activationBackward, activationForward, maxoutForward, preluForward } from '../../engine/cpu/activations';
import type { ActivationKind } from '../../engine/spec/types';

export type ActivationId = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'prelu' | 'elu' | 'softplus' | 'maxout';

/** Knobs a student can turn: the negative slope (Leaky/PReLU), ELU's α, and maxout's two lines. */
export interface ActivationParams {
  readonly leak: number;
  readonly preluSlope: number;
  readonly eluAlpha: number;
  /** Maxout with two pieces: max(w1·x + b1, w2·x + b2). */
  readonly maxout: readonly [number, number, number, number];
}

export const DEFAULT_PARAMS: ActivationParams = {
  leak: 0.1,
  preluSlope: 0.25,
  eluAlpha: 1,
  maxout: [1, 0, -0.5, 0],
};

export const ACTIVATIONS: readonly { readonly id: ActivationId; readonly label: string; readonly tex: string }[] = [
  { id: 'sigmoid', label: 'Sigmoid', tex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}' },
  { id: 'tanh', label: 'tanh', tex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}' },
  { id: 'relu', label: 'ReLU', tex: '\\mathrm{ReLU}(x) = \\max(0, x)' },
  { id: 'leakyRelu', label: 'Leaky ReLU', tex: '\\mathrm{LReLU}(x) = \\max(\\alpha x, x)' },
  { id: 'prelu', label: 'Parametric ReLU', tex: '\\mathrm{PReLU}(x) = \\max(a x, x),\\ a \\text{ learned}' },
  {
    id: 'elu',
    label: 'ELU',
    tex: '\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha(e^{x} - 1) & x \\le 0 \\end{cases}',
  },
  { id: 'softplus', label: 'Softplus', tex: '\\mathrm{softplus}(x) = \\log(1 + e^{x})' },
  { id: 'maxout', label: 'Maxout', tex: '\\mathrm{maxout}(x) = \\max(w_1 x + b_1,\\ w_2 x + b_2)' },
];

/** The engine's own kind and α for the activations it implements directly. */
function engineKind(id: ActivationId, p: ActivationParams): { kind: ActivationKind; alpha: number } | null {
  switch (id) {
    case 'sigmoid':
    case 'tanh':
    case 'relu':
    case 'softplus':
      return { kind: id, alpha: 0 };
    case 'leakyRelu':
      return { kind: 'leakyRelu', alpha: p.leak };
    case 'elu':
      return { kind: 'elu', alpha: p.eluAlpha };
    default:
      return null;
  }
}

export interface Evaluated {
  readonly y: number;
  readonly dydx: number;
}

/** f(x) and f'(x) for one input, through the engine. */
export function evaluate(id: ActivationId, x: number, p: ActivationParams = DEFAULT_PARAMS): Evaluated {
  const xs = new Float32Array([x]);
  const y = new Float32Array(1);
  const d = new Float32Array(1);
  const direct = engineKind(id, p);
  if (direct) {
    activationForward(direct.kind, direct.alpha, xs, y);
    activationBackward(direct.kind, direct.alpha, y, new Float32Array([1]), d);
    return { y: y[0]!, dydx: d[0]! };
  }
  if (id === 'prelu') {
    // One channel, one value; the slope is a parameter the network would learn.
    preluForward(1, 1, xs, new Float32Array([p.preluSlope]), y);
    // PReLU's derivative is Leaky ReLU's with the learned slope as α.
    activationBackward('leakyRelu', p.preluSlope, y, new Float32Array([1]), d);
    return { y: y[0]!, dydx: d[0]! };
  }
  // Maxout: two linear pieces feed the engine's max; the derivative is the winning piece's slope.
  const [w1, b1, w2, b2] = p.maxout;
  const winners = new Int32Array(1);
  maxoutForward(2, new Float32Array([w1 * x + b1, w2 * x + b2]), y, winners);
  return { y: y[0]!, dydx: winners[0] === 0 ? w1 : w2 };
}

/** Samples f and f' over [lo, hi] for plotting. */
export function sample(
  id: ActivationId,
  lo: number,
  hi: number,
  p: ActivationParams,
  n = 241,
): { readonly f: [number, number][]; readonly df: [number, number][] } {
  const f: [number, number][] = [];
  const df: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    const { y, dydx } = evaluate(id, x, p);
    f.push([x, y]);
    df.push([x, dydx]);
  }
  return { f, df };
}

/** Rounds for display: four significant decimals, no trailing noise from float32. */
export function show(v: number, digits = 4): string {
  if (v === 0) return '0';
  const r = Number(v.toFixed(digits));
  return r === 0 ? v.toExponential(2) : String(r);
}
