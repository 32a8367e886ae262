// globalavgpool_forward: y[n, c] = mean over h, w of x[n, c, h, w].
//
// Bindings (group 0): 0 Params, 1 x [N, C, H, W], 2 y [N, C] (written).
// Workgroup: WG threads (override, default 64), one (n, c) plane per thread; the planes of the
//   small late feature maps this layer sees (e.g. 8x8) are short enough to sum in one thread.
// Dispatch: ceil(N*C / WG) workgroups via linearDispatch.

struct Params {
  planes: u32, size: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let p = (wid.y * nwg.x + wid.x) * WG + lid;
  if (p >= P.planes) {
    return;
  }
  var s = 0.0;
  for (var i = 0u; i < P.size; i++) {
    s += x[p * P.size + i];
  }
  y[p] = s / f32(P.size);
}
