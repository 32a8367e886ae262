/**
 * AssemblyScript: element-wise activations as engine/cpu/activations.ts (see there for the
 * formulas and why backward works from the output y). Kinds are numbered as in
 * engine/wasm/exports.ts ACTIVATION_CODES: 0 relu, 1 leakyRelu, 2 sigmoid, 3 tanh, 4 elu,
 * 5 softplus. Transcendentals are evaluated in f64, as the TypeScript engine does.
 */

function sigmoid(v: f64): f64 {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** y = f(x) over n floats; y may be x. */
export function activationForward(kind: i32, alpha: f64, x: usize, y: usize, n: i32): void {
  if (kind == 0) {
    let i = 0;
    const zero = f32x4.splat(0);
    for (; i + 3 < n; i += 4) {
      const o = <usize>i * 4;
      const v = v128.load(x + o);
      // x > 0 ? x : 0, lane-wise (NaN → 0, as the TypeScript ternary gives).
      v128.store(y + o, v128.and(v, f32x4.gt(v, zero)));
    }
    for (; i < n; i++) {
      const v = load<f32>(x + <usize>i * 4);
      store<f32>(y + <usize>i * 4, v > 0 ? v : 0);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = load<f32>(x + <usize>i * 4);
    let r: f32 = 0;
    if (kind == 1) r = v > 0 ? v : <f32>(alpha * <f64>v);
    else if (kind == 2) r = <f32>sigmoid(v);
    else if (kind == 3) r = <f32>Math.tanh(v);
    else if (kind == 4) r = v > 0 ? v : <f32>(alpha * Math.expm1(v));
    else r = <f32>(Math.max(<f64>v, 0) + Math.log1p(Math.exp(-Math.abs(<f64>v))));
    store<f32>(y + <usize>i * 4, r);
  }
}

/** dx = dy · f'(from y); dx may be dy. */
export function activationBackward(kind: i32, alpha: f64, y: usize, dy: usize, dx: usize, n: i32): void {
  if (kind == 0) {
    let i = 0;
    const zero = f32x4.splat(0);
    for (; i + 3 < n; i += 4) {
      const o = <usize>i * 4;
      v128.store(dx + o, v128.and(v128.load(dy + o), f32x4.gt(v128.load(y + o), zero)));
    }
    for (; i < n; i++) {
      const o = <usize>i * 4;
      store<f32>(dx + o, load<f32>(y + o) > 0 ? load<f32>(dy + o) : 0);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const v = load<f32>(y + o);
    const g = load<f32>(dy + o);
    let r: f32 = 0;
    if (kind == 1) r = v > 0 ? g : <f32>(alpha * <f64>g);
    else if (kind == 2) r = <f32>(<f64>g * <f64>v * (1 - <f64>v));
    else if (kind == 3) r = <f32>(<f64>g * (1 - <f64>v * <f64>v));
    else if (kind == 4) r = v > 0 ? g : <f32>(<f64>g * (<f64>v + alpha));
    else r = <f32>(-<f64>g * Math.expm1(-<f64>v));
    store<f32>(dx + o, r);
  }
}

/** As activationBackward, but leakyRelu and elu take their branch from the input x (any α). */
export function activationBackwardFromInput(kind: i32, alpha: f64, x: usize, y: usize, dy: usize, dx: usize, n: i32): void {
  if (kind != 1 && kind != 4) {
    activationBackward(kind, alpha, y, dy, dx, n);
    return;
  }
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const g = load<f32>(dy + o);
    const positive = load<f32>(x + o) > 0;
    store<f32>(dx + o, positive ? g : <f32>(kind == 1 ? alpha * <f64>g : <f64>g * (<f64>load<f32>(y + o) + alpha)));
  }
}
