// conv2d_backward_weights: partial sums of dw = dL/dw of a convolution over slices of the batch.
//
//   dw[f, c, ky, kx] = sum over n, oy, ox of dy[n, f, oy, ox] *
//                      x[n, g*C/groups + c, oy*sh - padTop + ky*dh, ox*sw - padLeft + kx*dw]
// (0 in the padding). The (n, oy) rows of dy are cut into `splits` consecutive chunks of
// `chunk` rows; split s writes its sum over its chunk to partial[s, f, c, ky, kx], and
// split_sum adds the splits up into dw (engine/gpu/conv2d.ts encodes both).
//
// Bindings (group 0): 0 Params, 1 x [N, C, H, W], 2 dy [N, F, outH, outW],
//   3 partial [splits, F, C/groups, kh, kw] (overwritten).
// Workgroup: WG threads (override, default 64), 1-D.
// Dispatch: ceil(splits * groups * ceil((F/groups)/4) * (C/groups)*kh * ceil(kw/8) / WG)
//   workgroups via linearDispatch; see engine/gpu/conv2d.ts.
// Blocking: no workgroup memory and no barriers. Each thread owns 4 filters x 8 consecutive
//   taps kx of one kernel row (c, ky) (8 vec4 accumulators) and walks its chunk of rows, ox by
//   ox: 4 loads of dy and the 8 x values under the taps, kept in two vec4 registers. When
//   strideW = dilationW = 1 (override SLIDE = 1) that window slides one column per ox (one new
//   load per step); otherwise each x value is loaded on its own.

struct Params {
  batch: u32, inC: u32, inH: u32, inW: u32,
  outC: u32, outH: u32, outW: u32, kh: u32,
  kw: u32, strideH: u32, strideW: u32, padTop: u32,
  padLeft: u32, dilationH: u32, dilationW: u32, groups: u32,
  splits: u32, chunk: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> partial: array<f32>;

override WG: u32 = 64;
// 1 when strideW = dilationW = 1 (the sliding window), else 0; compiled out when 0.
override SLIDE: u32 = 0;

// x[row + ix], or 0 when the row is padding (rowOk false) or column ix is outside the image.
fn xAt(row: u32, rowOk: bool, ix: i32) -> f32 {
  return select(0.0, x[row + u32(max(ix, 0))], rowOk && ix >= 0 && ix < i32(P.inW));
}

fn store(base: u32, kx0: u32, v: vec4f) {
  for (var j = 0u; j < 4u; j++) {
    if (kx0 + j < P.kw) {
      partial[base + kx0 + j] = v[j];
    }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let t = (wid.y * nwg.x + wid.x) * WG + lid;
  let cg = P.inC / P.groups;
  let fg = P.outC / P.groups;
  let K = cg * P.kh * P.kw;
  let kxBlocks = (P.kw + 7u) / 8u;
  let kRows = cg * P.kh;
  let fBlocks = (fg + 3u) / 4u;
  if (t >= kxBlocks * kRows * fBlocks * P.groups * P.splits) {
    return;
  }
  let kx0 = (t % kxBlocks) * 8u;
  let kRow = (t / kxBlocks) % kRows;
  let f0 = ((t / (kxBlocks * kRows)) % fBlocks) * 4u;
  let g = (t / (kxBlocks * kRows * fBlocks)) % P.groups;
  let s = t / (kxBlocks * kRows * fBlocks * P.groups);
  let c = kRow / P.kh;
  let ky = kRow % P.kh;
  // dy channels of the 4 filters (clamped: filters past the group's end are computed, not stored).
  let fc = vec4u(
    g * fg + min(f0, fg - 1u),
    g * fg + min(f0 + 1u, fg - 1u),
    g * fg + min(f0 + 2u, fg - 1u),
    g * fg + min(f0 + 3u, fg - 1u),
  );
  let outPlane = P.outH * P.outW;
  let sw = i32(P.strideW);
  let dwx = i32(P.dilationW);
  var a0 = vec4f(0.0);
  var b0 = vec4f(0.0);
  var a1 = vec4f(0.0);
  var b1 = vec4f(0.0);
  var a2 = vec4f(0.0);
  var b2 = vec4f(0.0);
  var a3 = vec4f(0.0);
  var b3 = vec4f(0.0);
  let r1 = min((s + 1u) * P.chunk, P.batch * P.outH);
  for (var r = s * P.chunk; r < r1; r++) {
    let n = r / P.outH;
    let oy = r % P.outH;
    let iy = i32(oy * P.strideH + ky * P.dilationH) - i32(P.padTop);
    let rowOk = iy >= 0 && iy < i32(P.inH);
    let row = ((n * P.inC + g * cg + c) * P.inH + u32(max(iy, 0))) * P.inW;
    let dyRow = vec4u(
      (n * P.outC + fc.x) * outPlane + oy * P.outW,
      (n * P.outC + fc.y) * outPlane + oy * P.outW,
      (n * P.outC + fc.z) * outPlane + oy * P.outW,
      (n * P.outC + fc.w) * outPlane + oy * P.outW,
    );
    // x column under tap kx0 + j at output column ox: ix0 + ox*sw + j*dw.
    let ix0 = i32(kx0 * P.dilationW) - i32(P.padLeft);
    var lo = vec4f(0.0);
    var hi = vec4f(0.0);
    if (SLIDE == 1u) {
      // The window of "ox = -1"; each output column shifts it one input column right.
      lo = vec4f(0.0, xAt(row, rowOk, ix0), xAt(row, rowOk, ix0 + 1), xAt(row, rowOk, ix0 + 2));
      hi = vec4f(xAt(row, rowOk, ix0 + 3), xAt(row, rowOk, ix0 + 4), xAt(row, rowOk, ix0 + 5), xAt(row, rowOk, ix0 + 6));
    }
    for (var ox = 0u; ox < P.outW; ox++) {
      if (SLIDE == 1u) {
        lo = vec4f(lo.yzw, hi.x);
        hi = vec4f(hi.yzw, xAt(row, rowOk, ix0 + i32(ox) + 7));
      } else {
        let ix = ix0 + i32(ox) * sw;
        lo = vec4f(xAt(row, rowOk, ix), xAt(row, rowOk, ix + dwx), xAt(row, rowOk, ix + 2 * dwx), xAt(row, rowOk, ix + 3 * dwx));
        hi = vec4f(xAt(row, rowOk, ix + 4 * dwx), xAt(row, rowOk, ix + 5 * dwx), xAt(row, rowOk, ix + 6 * dwx), xAt(row, rowOk, ix + 7 * dwx));
      }
      let d0 = dy[dyRow.x + ox];
      let d1 = dy[dyRow.y + ox];
      let d2 = dy[dyRow.z + ox];
      let d3 = dy[dyRow.w + ox];
      a0 += d0 * lo;
      b0 += d0 * hi;
      a1 += d1 * lo;
      b1 += d1 * hi;
      a2 += d2 * lo;
      b2 += d2 * hi;
      a3 += d3 * lo;
      b3 += d3 * hi;
    }
  }
  let acc = array<vec4f, 8>(a0, b0, a1, b1, a2, b2, a3, b3);
  for (var i = 0u; i < 4u; i++) {
    let f = f0 + i;
    if (f >= fg) {
      break;
    }
    let base = s * P.outC * K + (g * fg + f) * K + kRow * P.kw;
    store(base, kx0, acc[2u * i]);
    store(base, kx0 + 4u, acc[2u * i + 1u]);
  }
}
