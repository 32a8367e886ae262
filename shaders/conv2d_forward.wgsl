// conv2d_forward: y = act(conv(x, w) + b) over NCHW, fused bias and activation.
//
// The convolution is computed as an implicit matrix product per image n and group g:
//   Y_g[f, p] = sum_k W_g[f, k] * cols[k, p]
// with k = (c, ky, kx) over the group's C/groups input channels and the kernel taps, and
// p = (oy, ox) over output pixels. cols is never stored: each tile of it is read straight from x
// (zero where the tap falls in the padding), so there is no im2col buffer.
//
// Bindings (group 0): 0 Params (uniform), 1 x [N, C, H, W], 2 w [F, C/groups, kh, kw],
//   3 b [F] (bound even without bias; ignored when hasBias = 0), 4 y [N, F, outH, outW] (written).
// Workgroup: TILE x TILE threads (override, default 16); thread (lx, ly) owns output
//   (filter wid.y*TILE + ly, pixel wid.x*TILE + lx).
// Dispatch: (ceil(outH*outW / TILE), ceil((F/groups) / TILE), N * groups); computed by engine/gpu/conv2d.ts.
// Tiling: the K dimension is walked TILE at a time; each step stages a TILE x TILE tile of W and
//   of cols in workgroup memory (one load per thread each), then every thread does TILE
//   multiply-adds from shared memory: global traffic drops by a factor of TILE.
// Activation codes: 0 none, 1 relu, 2 leakyRelu, 3 sigmoid, 4 tanh, 5 elu, 6 softplus
//   (same definitions as engine/cpu/activations.ts and shaders/activation_forward.wgsl).

struct Params {
  batch: u32, inC: u32, inH: u32, inW: u32,
  outC: u32, outH: u32, outW: u32, kh: u32,
  kw: u32, strideH: u32, strideW: u32, padTop: u32,
  padLeft: u32, dilationH: u32, dilationW: u32, groups: u32,
  activation: u32, alpha: f32, hasBias: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> b: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;

override TILE: u32 = 16;

var<workgroup> wTile: array<f32, TILE * TILE>; // [filter][k]
var<workgroup> cTile: array<f32, TILE * TILE>; // [k][pixel]

// cols[k, p] for image n, group g: the input value under tap k of output pixel p, or 0 in padding.
fn colValue(n: u32, g: u32, k: u32, p: u32) -> f32 {
  let taps = P.kh * P.kw;
  let c = g * (P.inC / P.groups) + k / taps;
  let ky = (k % taps) / P.kw;
  let kx = k % P.kw;
  let iy = i32((p / P.outW) * P.strideH + ky * P.dilationH) - i32(P.padTop);
  let ix = i32((p % P.outW) * P.strideW + kx * P.dilationW) - i32(P.padLeft);
  if (iy < 0 || ix < 0 || iy >= i32(P.inH) || ix >= i32(P.inW)) {
    return 0.0;
  }
  return x[((n * P.inC + c) * P.inH + u32(iy)) * P.inW + u32(ix)];
}

fn activate(v: f32) -> f32 {
  switch P.activation {
    case 1u: { return max(v, 0.0); }
    case 2u: { return select(P.alpha * v, v, v > 0.0); }
    case 3u: { return 1.0 / (1.0 + exp(-v)); }
    case 4u: { return tanh(v); }
    case 5u: { return select(P.alpha * (exp(v) - 1.0), v, v > 0.0); }
    case 6u: { return max(v, 0.0) + log(1.0 + exp(-abs(v))); }
    default: { return v; }
  }
}

@compute @workgroup_size(TILE, TILE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let fg = P.outC / P.groups;
  let K = (P.inC / P.groups) * P.kh * P.kw;
  let pixels = P.outH * P.outW;
  let n = wid.z / P.groups;
  let g = wid.z % P.groups;
  let p = wid.x * TILE + lid.x;
  let f = wid.y * TILE + lid.y;
  var acc = 0.0;
  for (var k0 = 0u; k0 < K; k0 += TILE) {
    // Thread (lx, ly) stages W[f, k0 + lx] and cols[k0 + ly, p].
    let wk = k0 + lid.x;
    var wv = 0.0;
    if (f < fg && wk < K) {
      wv = w[(g * fg + f) * K + wk];
    }
    wTile[lid.y * TILE + lid.x] = wv;
    let ck = k0 + lid.y;
    var cv = 0.0;
    if (ck < K && p < pixels) {
      cv = colValue(n, g, ck, p);
    }
    cTile[lid.y * TILE + lid.x] = cv;
    workgroupBarrier();
    for (var t = 0u; t < TILE; t++) {
      acc += wTile[lid.y * TILE + t] * cTile[t * TILE + lid.x];
    }
    workgroupBarrier();
  }
  if (f < fg && p < pixels) {
    let channel = g * fg + f;
    if (P.hasBias != 0u) {
      acc += b[channel];
    }
    y[(n * P.outC + channel) * pixels + p] = activate(acc);
  }
}
