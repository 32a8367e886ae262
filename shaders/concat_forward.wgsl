// concat_forward: copies one input of a concat into its range of every sample of the joined
// output. A sample is stored channel-major, so input k's channels are one contiguous run of
// `size` values per sample, starting `offset` values into that sample's `outSize`:
//   y[n * outSize + offset + r] = x[n * size + r]      for n < batch, r < size
// A concat of K inputs is K dispatches of this kernel, each writing a disjoint range of y; no
// other element of y is touched.
//
// Bindings (group 0): 0 Params, 1 x, 2 y (written in this input's range only).
// Workgroup: WG threads (override, default 64), one element of x per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch, count = batch * size.

struct Params {
  count: u32, size: u32, outSize: u32, offset: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    let n = i / P.size;
    y[n * P.outSize + P.offset + (i - n * P.size)] = x[i];
  }
}
