// lrn_forward: local response normalisation across channels (AlexNet; the lecture's formula,
// alpha NOT divided by n). For element (n, c, s) of x [batch, C, S] (S = H*W), h = floor(n/2):
//   d = k + alpha * sum_{j = max(0, c-h)}^{min(C-1, c+h)} x[n, j, s]^2,   y = x * d^(-beta)
// d is kept in `scale` for lrn_backward. Matches engine/cpu/lrn.ts.
//
// Bindings (group 0): 0 Params, 1 x, 2 y (written), 3 scale (written).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch, count = batch * C * S.

struct Params {
  count: u32, channels: u32, spatial: u32, half: u32, k: f32, alpha: f32, beta: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> scale: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    let plane = P.channels * P.spatial;
    let n = i / plane;
    let c = (i - n * plane) / P.spatial;
    let base = i - c * P.spatial; // element (n, 0, s)
    let lo = select(0u, c - P.half, c >= P.half);
    let hi = min(P.channels - 1u, c + P.half);
    var sum = 0.0;
    for (var j = lo; j <= hi; j++) {
      let v = x[base + j * P.spatial];
      sum += v * v;
    }
    let d = P.k + P.alpha * sum;
    scale[i] = d;
    y[i] = x[i] * pow(d, -P.beta);
  }
}
