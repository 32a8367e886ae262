// activation_forward: y[i] = f(x[i]) for a standalone activation layer (conv2d and dense fuse theirs).
//
// Bindings (group 0): 0 Params, 1 x, 2 y (written; may not alias x).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(count / WG) workgroups, split over x and y past 65535 (engine/gpu/kernel.ts
//   linearDispatch); the element index is (wid.y * num_workgroups.x + wid.x) * WG + lid.
// ACT (override) is the activation code: 0 none, 1 relu, 2 leakyRelu, 3 sigmoid, 4 tanh, 5 elu, 6 softplus
//   (definitions as engine/cpu/activations.ts; alpha is leakyRelu's slope or elu's alpha).
// Snippets: activate (shaders/snippets/activate.wgsl, appended by engine/gpu/pipelines.ts).

struct Params {
  count: u32, alpha: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

override WG: u32 = 64;
// The activation code (header); a pipeline constant, so only its case is compiled (a software
// adapter runs every case of a runtime switch under a mask).
override ACT: u32 = 0;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    y[i] = activate(x[i], P.alpha);
  }
}
