// conv2d_forward: y = act(conv(x, w) + b) over NCHW, fused bias and activation.
//
// Direct convolution: y[n, f, oy, ox] = sum over (c, ky, kx) of w[f, c, ky, kx] *
//   x[n, g*C/groups + c, oy*sh - padTop + ky*dh, ox*sw - padLeft + kx*dw] (0 in the padding).
//
// Bindings (group 0): 0 Params (uniform), 1 x [N, C, H, W], 2 w [F, C/groups, kh, kw],
//   3 b [F] (bound even without bias; ignored when hasBias = 0), 4 y [N, F, outH, outW] (written).
// Workgroup: WG threads (override, default 64), 1-D.
// Dispatch: ceil(N*groups * ceil((F/groups)/4) * outH * ceil(outW/8) / WG) workgroups via
//   linearDispatch; computed by engine/gpu/conv2d.ts.
// Blocking: no workgroup memory and no barriers (software adapters such as SwiftShader pay
//   dearly for every barrier round, and their loads are far dearer than multiply-adds). Each
//   thread owns a register block of 4 filters x 8 consecutive output pixels of one row
//   (8 vec4 accumulators) and reads x and w straight from global memory. Per kernel row (c, ky)
//   it keeps the 8 input values under the block in two vec4 registers; when strideW = dilationW
//   = 1 the window slides one column per tap (one new load per kx instead of eight).
//   With ROW = kw in {3, 5} (override, also needs SLIDE), each kernel row is one straight-line
//   block: the kw + 7 inputs and 4 x kw weights are loaded once and every accumulator is updated
//   once per row, not once per tap (a SIMD-on-CPU adapter pays for each update of a loop-carried
//   variable). Threads map to (n, column block, oy, filter block, group), n fastest, so the
//   threads such an adapter runs together skip the same padding rows.
// ACT (override): activation code 0 none, 1 relu, 2 leakyRelu, 3 sigmoid, 4 tanh, 5 elu,
//   6 softplus (same definitions as engine/cpu/activations.ts and shaders/activation_forward.wgsl).
//   A pipeline constant, so only the chosen one is compiled (a runtime switch runs every case).
// Snippets: activate (shaders/snippets/activate.wgsl, appended by engine/gpu/pipelines.ts).

struct Params {
  batch: u32, inC: u32, inH: u32, inW: u32,
  outC: u32, outH: u32, outW: u32, kh: u32,
  kw: u32, strideH: u32, strideW: u32, padTop: u32,
  padLeft: u32, dilationH: u32, dilationW: u32, groups: u32,
  alpha: f32, hasBias: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> b: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;

override WG: u32 = 64;
// 1 when strideW = dilationW = 1 (the sliding window), else 0; a pipeline constant, so the
// other path is compiled out (software adapters would otherwise run both sides of the branch).
override SLIDE: u32 = 0;
// kw when SLIDE = 1 and kw is 3 or 5 (the straight-line row), else 0.
override ROW: u32 = 0;
override ACT: u32 = 0;

// x[row + ix], or 0 when column ix is outside the image.
fn xAt(row: u32, ix: i32) -> f32 {
  return select(0.0, x[row + u32(max(ix, 0))], ix >= 0 && ix < i32(P.inW));
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

fn store(n: u32, channel: u32, oy: u32, ox0: u32, v: vec4f, bias: f32) {
  let base = ((n * P.outC + channel) * P.outH + oy) * P.outW;
  for (var j = 0u; j < 4u; j++) {
    if (ox0 + j < P.outW) {
      y[base + ox0 + j] = activate(v[j] + bias, P.alpha);
    }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let t = (wid.y * nwg.x + wid.x) * WG + lid;
  let cg = P.inC / P.groups;
  let fg = P.outC / P.groups;
  let K = cg * P.kh * P.kw;
  let xBlocks = (P.outW + 7u) / 8u;
  let fBlocks = (fg + 3u) / 4u;
  if (t >= xBlocks * P.outH * fBlocks * P.batch * P.groups) {
    return;
  }
  let n = t % P.batch;
  let r = t / P.batch;
  let ox0 = (r % xBlocks) * 8u;
  let oy = (r / xBlocks) % P.outH;
  let f0 = ((r / (xBlocks * P.outH)) % fBlocks) * 4u;
  let g = r / (xBlocks * P.outH * fBlocks);
  // Rows of w for the 4 filters (clamped: filters past the group's end are computed, not stored).
  let wRow = vec4u(
    (g * fg + min(f0, fg - 1u)) * K,
    (g * fg + min(f0 + 1u, fg - 1u)) * K,
    (g * fg + min(f0 + 2u, fg - 1u)) * K,
    (g * fg + min(f0 + 3u, fg - 1u)) * K,
  );
  let sw = i32(P.strideW);
  // Input column under block pixel j at tap kx: ix0 + j*sw + kx*dw.
  let ix0 = i32(ox0 * P.strideW) - i32(P.padLeft);
  var a0 = vec4f(0.0);
  var b0 = vec4f(0.0);
  var a1 = vec4f(0.0);
  var b1 = vec4f(0.0);
  var a2 = vec4f(0.0);
  var b2 = vec4f(0.0);
  var a3 = vec4f(0.0);
  var b3 = vec4f(0.0);
  for (var c = 0u; c < cg; c++) {
    let plane = (n * P.inC + g * cg + c) * P.inH;
    for (var ky = 0u; ky < P.kh; ky++) {
      let k = (c * P.kh + ky) * P.kw;
      let iy = i32(oy * P.strideH + ky * P.dilationH) - i32(P.padTop);
      if (iy < 0 || iy >= i32(P.inH)) {
        continue;
      }
      let row = (plane + u32(iy)) * P.inW;
      if (ROW == 5u) {
        let x0 = xAt(row, ix0);
        let x1 = xAt(row, ix0 + 1);
        let x2 = xAt(row, ix0 + 2);
        let x3 = xAt(row, ix0 + 3);
        let x4 = xAt(row, ix0 + 4);
        let x5 = xAt(row, ix0 + 5);
        let x6 = xAt(row, ix0 + 6);
        let x7 = xAt(row, ix0 + 7);
        let x8 = xAt(row, ix0 + 8);
        let x9 = xAt(row, ix0 + 9);
        let x10 = xAt(row, ix0 + 10);
        let x11 = xAt(row, ix0 + 11);
        // The window under block columns 0-3 (l) and 4-7 (h) at each tap kx.
        let l = array<vec4f, 5>(
          vec4f(x0, x1, x2, x3), vec4f(x1, x2, x3, x4), vec4f(x2, x3, x4, x5), vec4f(x3, x4, x5, x6), vec4f(x4, x5, x6, x7),
        );
        let h = array<vec4f, 5>(
          vec4f(x4, x5, x6, x7), vec4f(x5, x6, x7, x8), vec4f(x6, x7, x8, x9), vec4f(x7, x8, x9, x10), vec4f(x8, x9, x10, x11),
        );
        let v0 = weights5(wRow.x + k);
        let v1 = weights5(wRow.y + k);
        let v2 = weights5(wRow.z + k);
        let v3 = weights5(wRow.w + k);
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
        let x0 = xAt(row, ix0);
        let x1 = xAt(row, ix0 + 1);
        let x2 = xAt(row, ix0 + 2);
        let x3 = xAt(row, ix0 + 3);
        let x4 = xAt(row, ix0 + 4);
        let x5 = xAt(row, ix0 + 5);
        let x6 = xAt(row, ix0 + 6);
        let x7 = xAt(row, ix0 + 7);
        let x8 = xAt(row, ix0 + 8);
        let x9 = xAt(row, ix0 + 9);
        let l = array<vec4f, 3>(vec4f(x0, x1, x2, x3), vec4f(x1, x2, x3, x4), vec4f(x2, x3, x4, x5));
        let h = array<vec4f, 3>(vec4f(x4, x5, x6, x7), vec4f(x5, x6, x7, x8), vec4f(x6, x7, x8, x9));
        let v0 = weights3(wRow.x + k);
        let v1 = weights3(wRow.y + k);
        let v2 = weights3(wRow.z + k);
        let v3 = weights3(wRow.w + k);
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
        lo = vec4f(0.0, xAt(row, ix0), xAt(row, ix0 + 1), xAt(row, ix0 + 2));
        hi = vec4f(xAt(row, ix0 + 3), xAt(row, ix0 + 4), xAt(row, ix0 + 5), xAt(row, ix0 + 6));
      }
      for (var kx = 0u; kx < P.kw; kx++) {
        if (SLIDE == 1u) {
          lo = vec4f(lo.yzw, hi.x);
          hi = vec4f(hi.yzw, xAt(row, ix0 + i32(kx) + 7));
        } else {
          let ix = ix0 + i32(kx * P.dilationW);
          lo = vec4f(xAt(row, ix), xAt(row, ix + sw), xAt(row, ix + 2 * sw), xAt(row, ix + 3 * sw));
          hi = vec4f(xAt(row, ix + 4 * sw), xAt(row, ix + 5 * sw), xAt(row, ix + 6 * sw), xAt(row, ix + 7 * sw));
        }
        let w0 = w[wRow.x + k + kx];
        let w1 = w[wRow.y + k + kx];
        let w2 = w[wRow.z + k + kx];
        let w3 = w[wRow.w + k + kx];
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
    let f = f0 + i;
    if (f >= fg) {
      break;
    }
    let channel = g * fg + f;
    var bias = 0.0;
    if (P.hasBias != 0u) {
      bias = b[channel];
    }
    store(n, channel, oy, ox0, acc[2u * i], bias);
    store(n, channel, oy, ox0 + 4u, acc[2u * i + 1u], bias);
  }
}
