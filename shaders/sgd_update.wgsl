// sgd_update: w -= lr * g', with g' = g + l1*sign(w) + l2Grad*w the gradient of the data loss plus
// the regularisation penalty l1*sum|w| + l2*sum w^2 of engine/train/regularization.ts, so the host
// passes l2Grad = 2*l2 (with plain SGD that is weight decay). The model passes l1 = l2Grad = 0 for
// biases and batchnorm parameters.
//
// Bindings (group 0): 0 Params, 1 g [count], 2 w [count] (updated in place).
// Workgroup: WG threads (override, default 64), one parameter per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch. lr changes per step: the owner rewrites Params.

struct Params {
  count: u32, lr: f32, l1: f32, l2Grad: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> w: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.count) {
    return;
  }
  let wi = w[i];
  let gi = g[i] + P.l1 * sign(wi) + P.l2Grad * wi;
  w[i] = wi - P.lr * gi;
}
