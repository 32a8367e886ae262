// conv2d_backward_input: dx = dL/dx of a convolution, given dy = dL/dy (after the activation's
// backward has been applied, i.e. the gradient of the pre-activation output).
//
// Written as a gather so that every input pixel is produced by exactly one thread (no atomics,
// deterministic):
//   dx[n, c, iy, ix] = sum over the group's filters f and taps (ky, kx) of
//     w[f, c, ky, kx] * dy[n, f, oy, ox],  oy = (iy + padTop - ky*dh) / sh,
//                                          ox = (ix + padLeft - kx*dw) / sw,
//   where a term exists only when the divisions are exact and (oy, ox) lies inside dy.
//
// Bindings (group 0): 0 Params, 1 dy [N, F, outH, outW], 2 w [F, C/groups, kh, kw],
//   3 dx [N, C, H, W] (overwritten).
// Workgroup: WG threads (override, default 64), 1-D.
// Dispatch: ceil(N*groups * ceil((C/groups)/4) * H * ceil(W/8) / WG) workgroups via
//   linearDispatch; see engine/gpu/conv2d.ts.
// Blocking: as conv2d_forward, no workgroup memory and no barriers: each thread owns 4 input
//   channels x 8 consecutive columns of one input row (8 vec4 accumulators). Per (f, ky) it keeps
//   the 8 dy values it needs in two vec4 registers; when strideW = dilationW = 1 the window slides
//   one column left per tap (one new load per kx), otherwise each column is resolved on its own.
//   With ROW = kw in {3, 5} (override, also needs SLIDE) each (f, ky) row is one straight-line
//   block that updates every accumulator once, as in conv2d_forward.
//   Threads map to (n, column block, iy, channel block, group), n fastest, so the threads a
//   SIMD-on-CPU adapter runs together skip the same out-of-range kernel rows.

struct Params {
  batch: u32, inC: u32, inH: u32, inW: u32,
  outC: u32, outH: u32, outW: u32, kh: u32,
  kw: u32, strideH: u32, strideW: u32, padTop: u32,
  padLeft: u32, dilationH: u32, dilationW: u32, groups: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;
// 1 when strideW = dilationW = 1 (the sliding window), else 0; a pipeline constant, so the
// other path is compiled out (software adapters would otherwise run both sides of the branch).
override SLIDE: u32 = 0;
// kw when SLIDE = 1 and kw is 3 or 5 (the straight-line row), else 0.
override ROW: u32 = 0;

// dy[row + ox], or 0 when column ox is outside dy.
fn dyAt(row: u32, ox: i32) -> f32 {
  return select(0.0, dy[row + u32(max(ox, 0))], ox >= 0 && ox < i32(P.outW));
}

// dy[row + t / sw] when t is a non-negative multiple of sw inside dy, else 0 (strided case).
fn dyStrided(row: u32, t: i32) -> f32 {
  let sw = i32(P.strideW);
  let ok = t >= 0 && t % sw == 0 && t / sw < i32(P.outW);
  return select(0.0, dy[row + u32(max(t, 0) / sw)], ok);
}

// The straight-line rows (ROW): the kernel row of weights at w[at..at+kw) as an array, and the
// block's 4 columns summed over the row's taps, v[kx] * window[kx].
fn weights5(at: u32) -> array<f32, 5> {
  return array<f32, 5>(w[at], w[at + 1u], w[at + 2u], w[at + 3u], w[at + 4u]);
}

fn weights3(at: u32) -> array<f32, 3> {
  return array<f32, 3>(w[at], w[at + 1u], w[at + 2u]);
}

fn taps5(v: array<f32, 5>, window: array<vec4f, 5>) -> vec4f {
  return v[0] * window[0] + v[1] * window[1] + v[2] * window[2] + v[3] * window[3] + v[4] * window[4];
}

fn taps3(v: array<f32, 3>, window: array<vec4f, 3>) -> vec4f {
  return v[0] * window[0] + v[1] * window[1] + v[2] * window[2];
}

fn store(n: u32, channel: u32, iy: u32, ix0: u32, v: vec4f) {
  let base = ((n * P.inC + channel) * P.inH + iy) * P.inW;
  for (var j = 0u; j < 4u; j++) {
    if (ix0 + j < P.inW) {
      dx[base + ix0 + j] = v[j];
    }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let t = (wid.y * nwg.x + wid.x) * WG + lid;
  let cg = P.inC / P.groups;
  let fg = P.outC / P.groups;
  let taps = P.kh * P.kw;
  let xBlocks = (P.inW + 7u) / 8u;
  let cBlocks = (cg + 3u) / 4u;
  if (t >= xBlocks * P.inH * cBlocks * P.batch * P.groups) {
    return;
  }
  // The sample varies fastest, so the threads a SIMD-on-CPU adapter runs together share (iy,
  // column block) and skip the same out-of-range kernel rows.
  let n = t % P.batch;
  let r = t / P.batch;
  let ix0 = (r % xBlocks) * 8u;
  let iy = (r / xBlocks) % P.inH;
  let c0 = ((r / (xBlocks * P.inH)) % cBlocks) * 4u;
  let g = r / (xBlocks * P.inH * cBlocks);
  // Offsets of w[., c, 0, 0] for the 4 channels (clamped: channels past the group's end are
  // computed, not stored).
  let wCol = vec4u(
    min(c0, cg - 1u) * taps,
    min(c0 + 1u, cg - 1u) * taps,
    min(c0 + 2u, cg - 1u) * taps,
    min(c0 + 3u, cg - 1u) * taps,
  );
  // ox * sw = ix0 + j + padLeft - kx*dw for block column j.
  let o0 = i32(ix0 + P.padLeft);
  var a0 = vec4f(0.0);
  var b0 = vec4f(0.0);
  var a1 = vec4f(0.0);
  var b1 = vec4f(0.0);
  var a2 = vec4f(0.0);
  var b2 = vec4f(0.0);
  var a3 = vec4f(0.0);
  var b3 = vec4f(0.0);
  for (var f = 0u; f < fg; f++) {
    let fi = g * fg + f;
    let plane = (n * P.outC + fi) * P.outH;
    let wf = fi * cg * taps;
    for (var ky = 0u; ky < P.kh; ky++) {
      let ty = i32(iy + P.padTop) - i32(ky * P.dilationH);
      if (ty < 0 || ty % i32(P.strideH) != 0 || ty / i32(P.strideH) >= i32(P.outH)) {
        continue;
      }
      let row = (plane + u32(ty) / P.strideH) * P.outW;
      if (ROW == 5u) {
        let d0 = dyAt(row, o0 - 4);
        let d1 = dyAt(row, o0 - 3);
        let d2 = dyAt(row, o0 - 2);
        let d3 = dyAt(row, o0 - 1);
        let d4 = dyAt(row, o0);
        let d5 = dyAt(row, o0 + 1);
        let d6 = dyAt(row, o0 + 2);
        let d7 = dyAt(row, o0 + 3);
        let d8 = dyAt(row, o0 + 4);
        let d9 = dyAt(row, o0 + 5);
        let d10 = dyAt(row, o0 + 6);
        let d11 = dyAt(row, o0 + 7);
        // The dy under block columns 0-3 (l) and 4-7 (h) at each tap kx: column j reads o0 + j - kx.
        let l = array<vec4f, 5>(
          vec4f(d4, d5, d6, d7),
          vec4f(d3, d4, d5, d6),
          vec4f(d2, d3, d4, d5),
          vec4f(d1, d2, d3, d4),
          vec4f(d0, d1, d2, d3),
        );
        let h = array<vec4f, 5>(
          vec4f(d8, d9, d10, d11),
          vec4f(d7, d8, d9, d10),
          vec4f(d6, d7, d8, d9),
          vec4f(d5, d6, d7, d8),
          vec4f(d4, d5, d6, d7),
        );
        let k = wf + ky * P.kw;
        let v0 = weights5(k + wCol.x);
        let v1 = weights5(k + wCol.y);
        let v2 = weights5(k + wCol.z);
        let v3 = weights5(k + wCol.w);
        a0 += taps5(v0, l);
        b0 += taps5(v0, h);
        a1 += taps5(v1, l);
        b1 += taps5(v1, h);
        a2 += taps5(v2, l);
        b2 += taps5(v2, h);
        a3 += taps5(v3, l);
        b3 += taps5(v3, h);
        continue;
      }
      if (ROW == 3u) {
        let d0 = dyAt(row, o0 - 2);
        let d1 = dyAt(row, o0 - 1);
        let d2 = dyAt(row, o0);
        let d3 = dyAt(row, o0 + 1);
        let d4 = dyAt(row, o0 + 2);
        let d5 = dyAt(row, o0 + 3);
        let d6 = dyAt(row, o0 + 4);
        let d7 = dyAt(row, o0 + 5);
        let d8 = dyAt(row, o0 + 6);
        let d9 = dyAt(row, o0 + 7);
        // The dy under block columns 0-3 (l) and 4-7 (h) at each tap kx: column j reads o0 + j - kx.
        let l = array<vec4f, 3>(
          vec4f(d2, d3, d4, d5),
          vec4f(d1, d2, d3, d4),
          vec4f(d0, d1, d2, d3),
        );
        let h = array<vec4f, 3>(
          vec4f(d6, d7, d8, d9),
          vec4f(d5, d6, d7, d8),
          vec4f(d4, d5, d6, d7),
        );
        let k = wf + ky * P.kw;
        let v0 = weights3(k + wCol.x);
        let v1 = weights3(k + wCol.y);
        let v2 = weights3(k + wCol.z);
        let v3 = weights3(k + wCol.w);
        a0 += taps3(v0, l);
        b0 += taps3(v0, h);
        a1 += taps3(v1, l);
        b1 += taps3(v1, h);
        a2 += taps3(v2, l);
        b2 += taps3(v2, h);
        a3 += taps3(v3, l);
        b3 += taps3(v3, h);
        continue;
      }
      var lo = vec4f(0.0);
      var hi = vec4f(0.0);
      if (SLIDE == 1u) {
        // The window of "kx = -1"; each tap shifts it one column left.
        lo = vec4f(dyAt(row, o0 + 1), dyAt(row, o0 + 2), dyAt(row, o0 + 3), dyAt(row, o0 + 4));
        hi = vec4f(dyAt(row, o0 + 5), dyAt(row, o0 + 6), dyAt(row, o0 + 7), 0.0);
      }
      for (var kx = 0u; kx < P.kw; kx++) {
        if (SLIDE == 1u) {
          hi = vec4f(lo.w, hi.xyz);
          lo = vec4f(dyAt(row, o0 - i32(kx)), lo.xyz);
        } else {
          let t0 = o0 - i32(kx * P.dilationW);
          lo = vec4f(dyStrided(row, t0), dyStrided(row, t0 + 1), dyStrided(row, t0 + 2), dyStrided(row, t0 + 3));
          hi = vec4f(dyStrided(row, t0 + 4), dyStrided(row, t0 + 5), dyStrided(row, t0 + 6), dyStrided(row, t0 + 7));
        }
        let w0 = w[wf + wCol.x + ky * P.kw + kx];
        let w1 = w[wf + wCol.y + ky * P.kw + kx];
        let w2 = w[wf + wCol.z + ky * P.kw + kx];
        let w3 = w[wf + wCol.w + ky * P.kw + kx];
        a0 += w0 * lo;
        b0 += w0 * hi;
        a1 += w1 * lo;
        b1 += w1 * hi;
        a2 += w2 * lo;
        b2 += w2 * hi;
        a3 += w3 * lo;
        b3 += w3 * hi;
      }
    }
  }
  let acc = array<vec4f, 8>(a0, b0, a1, b1, a2, b2, a3, b3);
  for (var i = 0u; i < 4u; i++) {
    let c = c0 + i;
    if (c >= cg) {
      break;
    }
    store(n, g * cg + c, iy, ix0, acc[2u * i]);
    store(n, g * cg + c, iy, ix0 + 4u, acc[2u * i + 1u]);
  }
}
