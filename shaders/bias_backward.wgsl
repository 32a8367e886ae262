// bias_backward: per-sample sums partial[n, c] = sum over p of dy[n, c, p], the first half of
// the bias gradient db[c] = sum over n and p of dy[n, c, p] of conv2d (p over output pixels);
// split_sum then adds the N samples up (engine/gpu/bias.ts encodes both; dense layers, with one
// position per channel, skip this kernel and reduce dy directly).
//
// Bindings (group 0): 0 Params, 1 dy [N, C, P], 2 partial [N, C] (overwritten).
// Workgroup: WG threads (override, default 64), one (n, c) plane per thread.
// Dispatch: ceil(N*C / WG) workgroups via linearDispatch.
// Reduction: serial over the plane in a fixed order (deterministic), four running sums; no
//   workgroup memory and no barriers.

struct Params {
  batch: u32, channels: u32, size: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read_write> partial: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.batch * P.channels) {
    return;
  }
  let base = i * P.size;
  var s = vec4f(0.0);
  var p = 0u;
  for (; p + 4u <= P.size; p += 4u) {
    s += vec4f(dy[base + p], dy[base + p + 1u], dy[base + p + 2u], dy[base + p + 3u]);
  }
  var total = (s.x + s.y) + (s.z + s.w);
  for (; p < P.size; p++) {
    total += dy[base + p];
  }
  partial[i] = total;
}
