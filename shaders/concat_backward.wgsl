// concat_backward: the gradient of one input of a concat is its range of the joined gradient
// (the forward copy read the other way):
//   dx[n * size + r] = dy[n * outSize + offset + r]    for n < batch, r < size
//
// Bindings (group 0): 0 Params, 1 dy, 2 dx (written).
// Workgroup: WG threads (override, default 64), one element of dx per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch, count = batch * size.

struct Params {
  count: u32, size: u32, outSize: u32, offset: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    let n = i / P.size;
    dx[i] = dy[n * P.outSize + P.offset + (i - n * P.size)];
  }
}
