/**
 * Finite-difference gradient checking for CPU ops, in float64 (float32 inputs work too, e.g. a
 * whole Model's params, with a larger eps and tolerance).
 *
 * The op's output y is reduced to a scalar with a fixed random projection, L = Σ r·y, so that
 * dL/dy = r exercises every output element with a different weight. The analytic gradients
 * from backward(r) are compared with central differences (L(v+ε) − L(v−ε)) / 2ε for each
 * element (or a seeded sample of them) of each named input. The error metric is relative,
 * |a − n| / max(|a|, |n|, floor), so tiny gradients are not judged on noise. On failure it
 * throws an Error that names the case (put shapes and hyperparameters in `label`), the input
 * and the element.
 */
import { createRng } from '../../engine/tensor/rng';

export interface GradcheckOptions {
  /** Names the case in failure messages, e.g. "conv2d x=[1,3,7,5] k=3x2 s=2". */
  readonly label: string;
  /** The inputs the op reads; gradcheck perturbs them in place (and restores them). */
  readonly inputs: Readonly<Record<string, Float32Array | Float64Array>>;
  /** Runs the op on the current inputs and returns its output. */
  readonly forward: () => ArrayLike<number>;
  /** Given dL/dy, returns dL/d(input) for every input to check (a subset of `inputs`). */
  readonly backward: (dy: Float64Array) => Readonly<Record<string, ArrayLike<number>>>;
  readonly eps?: number;
  /** Largest accepted relative error; default 1e-5. */
  readonly tolerance?: number;
  /** Gradients smaller than this are compared absolutely; default 1e-3. */
  readonly floor?: number;
  /** Check at most this many elements per input (a seeded sample); default all. */
  readonly maxChecks?: number;
  readonly seed?: number;
}

export interface GradcheckResult {
  readonly maxRelError: number;
  readonly checked: number;
}

export function gradcheck(options: GradcheckOptions): GradcheckResult {
  const { label, inputs, forward, backward } = options;
  const eps = options.eps ?? 1e-5;
  const tolerance = options.tolerance ?? 1e-5;
  const floor = options.floor ?? 1e-3;
  const rng = createRng(options.seed ?? 12345);

  const y0 = forward();
  const r = new Float64Array(y0.length);
  for (let i = 0; i < r.length; i++) r[i] = rng.next() * 2 - 1;
  const loss = (): number => {
    const y = forward();
    let s = 0;
    for (let i = 0; i < y.length; i++) s += r[i]! * y[i]!;
    return s;
  };
  // Copy the analytic gradients: backward may hand back buffers a later forward reuses.
  const analytic: Record<string, Float64Array> = {};
  for (const [name, g] of Object.entries(backward(r))) analytic[name] = Float64Array.from(g);

  let maxRelError = 0;
  let checked = 0;
  for (const [name, grad] of Object.entries(analytic)) {
    const v = inputs[name];
    if (!v) throw new Error(`${label}: backward returned a gradient for unknown input "${name}"`);
    if (grad.length !== v.length) {
      throw new Error(`${label}: d${name} has ${grad.length} elements, ${name} has ${v.length}`);
    }
    for (const i of sampleIndices(v.length, options.maxChecks, rng)) {
      const old = v[i]!;
      v[i] = old + eps;
      const lp = loss();
      v[i] = old - eps;
      const lm = loss();
      v[i] = old;
      const numeric = (lp - lm) / (2 * eps);
      const a = grad[i]!;
      const err = Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), floor);
      maxRelError = Math.max(maxRelError, err);
      checked++;
      if (!(err <= tolerance)) {
        throw new Error(
          `${label}: d${name}[${i}] analytic ${a} vs numeric ${numeric} (relative error ${err.toExponential(2)})`,
        );
      }
    }
  }
  return { maxRelError, checked };
}

function sampleIndices(n: number, max: number | undefined, rng: ReturnType<typeof createRng>): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (max === undefined || max >= n) return all;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, max);
}

/** A Float64Array of n values uniform in [lo, hi), from `rng`. */
export function randomArray(n: number, rng: ReturnType<typeof createRng>, lo = -1, hi = 1): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = lo + (hi - lo) * rng.next();
  return a;
}
