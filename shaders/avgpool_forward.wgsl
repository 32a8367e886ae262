// avgpool_forward: y = sum of the in-image part of each window / (kh*kw): padded zeros count,
// as engine/cpu/avgpool.ts (PyTorch's count_include_pad=True).
//
// Bindings (group 0): 0 Params, 1 x [N, C, H, W], 2 y [N, C, outH, outW] (written).
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
  var s = 0.0;
  for (var iy = max(y0, 0); iy < min(y0 + i32(P.kh), i32(P.inH)); iy++) {
    for (var ix = max(x0, 0); ix < min(x0 + i32(P.kw), i32(P.inW)); ix++) {
      s += x[base + u32(iy) * P.inW + u32(ix)];
    }
  }
  y[o] = s / f32(P.kh * P.kw);
}
