// adam_update: Adam with bias correction (engine/train/optimizers.ts):
//   m = b1*m + (1 - b1)*g',  v = b2*v + (1 - b2)*g'^2,  w -= lr * (m / c1) / (sqrt(v / c2) + eps)
// with c1 = 1 - b1^t and c2 = 1 - b2^t for step t (computed on the host, which counts steps).
// g' adds the regularisation gradient as in sgd_update.
//
// Bindings (group 0): 0 Params, 1 g [count], 2 w [count] (updated), 3 m [count] (updated),
//   4 v [count] (updated).
// Workgroup: WG threads (override, default 64), one parameter per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch.

struct Params {
  count: u32, lr: f32, l1: f32, l2Grad: f32,
  beta1: f32, beta2: f32, epsilon: f32, c1: f32,
  c2: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> m: array<f32>;
@group(0) @binding(4) var<storage, read_write> v: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.count) {
    return;
  }
  let wi = w[i];
  let gi = g[i] + P.l1 * sign(wi) + P.l2Grad * wi;
  let mi = P.beta1 * m[i] + (1.0 - P.beta1) * gi;
  let vi = P.beta2 * v[i] + (1.0 - P.beta2) * gi * gi;
  m[i] = mi;
  v[i] = vi;
  w[i] = wi - P.lr * (mi / P.c1) / (sqrt(vi / P.c2) + P.epsilon);
}
