/**
 * AssemblyScript: the optimiser updates of engine/train/optimizers.ts over one parameter's
 * n floats (w, g and the state arrays are byte pointers; the host loops over parameters and
 * keeps the step count). Scalars are f64 and each element is computed in f64 and rounded only
 * when stored, as the TypeScript reference does.
 */

export function sgdUpdate(n: i32, w: usize, g: usize, lr: f64): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    store<f32>(w + o, <f32>(<f64>load<f32>(w + o) - lr * <f64>load<f32>(g + o)));
  }
}

/** v = mu·v − lr·g; w += v, or w += mu·v − lr·g with nesterov. */
export function momentumUpdate(n: i32, w: usize, g: usize, v: usize, lr: f64, mu: f64, nesterov: bool): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const gi = <f64>load<f32>(g + o);
    const vi = mu * <f64>load<f32>(v + o) - lr * gi;
    store<f32>(v + o, <f32>vi);
    const step = nesterov ? mu * vi - lr * gi : vi;
    store<f32>(w + o, <f32>(<f64>load<f32>(w + o) + step));
  }
}

/** Adam with bias corrections c1 = 1 − β1^t and c2 = 1 − β2^t computed by the host. */
export function adamUpdate(n: i32, w: usize, g: usize, m: usize, v: usize, lr: f64, b1: f64, b2: f64, eps: f64, c1: f64, c2: f64): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const gi = <f64>load<f32>(g + o);
    const mi = b1 * <f64>load<f32>(m + o) + (1 - b1) * gi;
    const vi = b2 * <f64>load<f32>(v + o) + (1 - b2) * gi * gi;
    store<f32>(m + o, <f32>mi);
    store<f32>(v + o, <f32>vi);
    store<f32>(w + o, <f32>(<f64>load<f32>(w + o) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps)));
  }
}
