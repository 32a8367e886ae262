// maxpool_backward: dx[i] = sum of dy over the windows whose switch is i. Written as a gather
// (one thread per input element visits the few windows that cover it) so that overlapping
// windows need no atomics and the sum order is fixed.
//
// Bindings (group 0): 0 Params, 1 dy [N, C, outH, outW], 2 switches (i32, from maxpool_forward),
//   3 dx [N, C, H, W] (overwritten).
// Workgroup: WG threads (override, default 64), one input element per thread.
// Dispatch: ceil(N*C*H*W / WG) workgroups via linearDispatch.
// DISJOINT (override, 0 or 1): 1 when stride >= window on both axes (windows never overlap, the
//   usual 2x2/2 pooling), so an element lies in at most one window: found by one division per
//   axis instead of a loop. A pipeline constant, so the other path is compiled out.

struct Params {
  planes: u32, inH: u32, inW: u32, outH: u32,
  outW: u32, kh: u32, kw: u32, strideH: u32,
  strideW: u32, padTop: u32, padLeft: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> switches: array<i32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;
override DISJOINT: u32 = 0;

// Window indices o along one axis with o*stride - pad <= i < o*stride - pad + k, as [lo, hi).
fn covering(i: u32, k: u32, stride: u32, pad: u32, outSize: u32) -> vec2u {
  let t = i32(i + pad);
  let lo = max(t - i32(k) + i32(stride), 0) / i32(stride); // ceil((t - k + 1) / stride), clamped at 0
  let hi = min(t / i32(stride) + 1, i32(outSize));
  return vec2u(u32(lo), u32(max(hi, lo)));
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  let inPlane = P.inH * P.inW;
  if (i >= P.planes * inPlane) {
    return;
  }
  let plane = i / inPlane;
  if (DISJOINT == 1u) {
    let ty = (i % inPlane) / P.inW + P.padTop;
    let tx = i % P.inW + P.padLeft;
    let oy = ty / P.strideH;
    let ox = tx / P.strideW;
    let inside = ty - oy * P.strideH < P.kh && tx - ox * P.strideW < P.kw && oy < P.outH && ox < P.outW;
    let o = (plane * P.outH + min(oy, P.outH - 1u)) * P.outW + min(ox, P.outW - 1u);
    dx[i] = select(0.0, dy[o], inside && switches[o] == i32(i));
    return;
  }
  let ys = covering((i % inPlane) / P.inW, P.kh, P.strideH, P.padTop, P.outH);
  let xs = covering(i % P.inW, P.kw, P.strideW, P.padLeft, P.outW);
  var s = 0.0;
  for (var oy = ys.x; oy < ys.y; oy++) {
    for (var ox = xs.x; ox < xs.y; ox++) {
      let o = (plane * P.outH + oy) * P.outW + ox;
      if (switches[o] == i32(i)) {
        s += dy[o];
      }
    }
  }
  dx[i] = s;
}
