// add: c[i] = a[i] + b[i]. The residual join's forward pass, and in backward the sum of the two
// gradients that reach a layer whose output feeds both the main path and a shortcut.
//
// Bindings (group 0): 0 Params, 1 a, 2 b, 3 c (written; may not alias a or b).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch.

struct Params {
  count: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    c[i] = a[i] + b[i];
  }
}
