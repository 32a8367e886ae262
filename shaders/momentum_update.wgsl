// momentum_update: classical momentum v = mu*v - lr*g'; w += v, or Nesterov's look-ahead
// w += mu*v - lr*g' (engine/train/optimizers.ts). g' adds the regularisation gradient as in sgd_update.
//
// Bindings (group 0): 0 Params, 1 g [count], 2 w [count] (updated), 3 v [count] velocity (updated).
// Workgroup: WG threads (override, default 64), one parameter per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch.

struct Params {
  count: u32, lr: f32, l1: f32, l2Grad: f32,
  mu: f32, nesterov: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> v: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.count) {
    return;
  }
  let wi = w[i];
  let gi = g[i] + P.l1 * sign(wi) + P.l2Grad * wi;
  let vi = P.mu * v[i] - P.lr * gi;
  v[i] = vi;
  w[i] = wi + select(vi, P.mu * vi - P.lr * gi, P.nesterov != 0u);
}
