// bias_backward: db[c] = sum over n and p of dy[n, c, p], the bias gradient of conv2d
// (p over output pixels) and dense (P = 1), and the beta gradient shape of batchnorm.
//
// Bindings (group 0): 0 Params, 1 dy [N, C, P], 2 db [C] (overwritten).
// Workgroup: WG threads (override, default 256), one workgroup per channel.
// Dispatch: (C, 1, 1).
// Reduction: each thread sums a strided slice of the N*P values, then a tree reduction in
//   workgroup memory; the sum order is fixed, so results are deterministic.

struct Params {
  batch: u32, channels: u32, size: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read_write> db: array<f32>;

override WG: u32 = 256;

var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let c = wid.x;
  let count = P.batch * P.size;
  var s = 0.0;
  for (var i = lid; i < count; i += WG) {
    s += dy[((i / P.size) * P.channels + c) * P.size + i % P.size];
  }
  partial[lid] = s;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half /= 2u) {
    if (lid < half) {
      partial[lid] += partial[lid + half];
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    db[c] = partial[0];
  }
}
