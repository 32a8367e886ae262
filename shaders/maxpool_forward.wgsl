// maxpool_forward: y = max over each window, and the 'switch' (flat index into x of the winner)
// that maxpool_backward routes the gradient through. Padding never wins (treated as -inf, as in
// engine/cpu/maxpool.ts); a window entirely in padding gives y = 0 and switch = -1.
// The first maximum in row-major window order wins ties, as on the CPU.
//
// Bindings (group 0): 0 Params, 1 x [N, C, H, W], 2 y [N, C, outH, outW] (written),
//   3 switches [N, C, outH, outW] i32 (written).
// Workgroup: WG threads (override, default 64), one output per thread.
// Dispatch: ceil(N*C*outH*outW / WG) workgroups via linearDispatch.

struct Params {
  planes: u32, inH: u32, inW: u32, outH: u32,
  outW: u32, kh: u32, kw: u32, strideH: u32,
  strideW: u32, padTop: u32, padLeft: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> switches: array<i32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let o = (wid.y * nwg.x + wid.x) * WG + lid;
  let outPlane = P.outH * P.outW;
  if (o >= P.planes * outPlane) {
    return;
  }
  let base = (o / outPlane) * P.inH * P.inW;
  let y0 = i32((o % outPlane) / P.outW * P.strideH) - i32(P.padTop);
  let x0 = i32((o % P.outW) * P.strideW) - i32(P.padLeft);
  let yLo = max(y0, 0);
  let yHi = min(y0 + i32(P.kh), i32(P.inH));
  let xLo = max(x0, 0);
  let xHi = min(x0 + i32(P.kw), i32(P.inW));
  var best = 0.0;
  var at = -1;
  for (var iy = yLo; iy < yHi; iy++) {
    for (var ix = xLo; ix < xHi; ix++) {
      let i = i32(base) + iy * i32(P.inW) + ix;
      let v = x[i];
      if (at < 0 || v > best) {
        best = v;
        at = i;
      }
    }
  }
  y[o] = best;
  switches[o] = at;
}
