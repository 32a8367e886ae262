// lrn_backward: dL/dx of local response normalisation (see lrn_forward.wgsl). Channel j's value
// is in its own numerator and in the denominator d of every channel i with |i - j| <= h, so
//   dx_j = dy_j * d_j^(-beta) - 2 * alpha * beta * x_j * sum_{|i-j|<=h} dy_i * x_i * d_i^(-beta-1)
// (all at the same sample and pixel). A gather: each thread writes one dx, no atomics.
//
// Bindings (group 0): 0 Params, 1 x, 2 scale (d from the forward), 3 dy, 4 dx (written).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch, count = batch * C * S.

struct Params {
  count: u32, channels: u32, spatial: u32, half: u32, k: f32, alpha: f32, beta: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> scale: array<f32>;
@group(0) @binding(3) var<storage, read> dy: array<f32>;
@group(0) @binding(4) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    let plane = P.channels * P.spatial;
    let n = i / plane;
    let c = (i - n * plane) / P.spatial;
    let base = i - c * P.spatial;
    let lo = select(0u, c - P.half, c >= P.half);
    let hi = min(P.channels - 1u, c + P.half);
    var cross = 0.0;
    for (var j = lo; j <= hi; j++) {
      let at = base + j * P.spatial;
      cross += dy[at] * x[at] * pow(scale[at], -P.beta - 1.0);
    }
    dx[i] = dy[i] * pow(scale[i], -P.beta) - 2.0 * P.alpha * P.beta * x[i] * cross;
  }
}
