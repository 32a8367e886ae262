// conv2d_backward_weights: dw = dL/dw of a convolution, summed over the batch.
//
// Per group g: dW_g[f, k] = sum_r dy[n, f, p] * cols_n[k, p] with r = (n, p) running over every
// image and output pixel, k = (c, ky, kx) as in conv2d_forward. cols is read straight from x.
//
// Bindings (group 0): 0 Params, 1 x [N, C, H, W], 2 dy [N, F, outH, outW],
//   3 dw [F, C/groups, kh, kw] (overwritten).
// Workgroup: TILE x TILE (override, default 16); thread (lx, ly) owns dw[filter wid.y*TILE + ly,
//   k wid.x*TILE + lx] of group wid.z.
// Dispatch: (ceil(K / TILE), ceil((F/groups) / TILE), groups), K = (C/groups)*kh*kw.
// Tiling: the reduction over r = N*outH*outW is walked TILE at a time with tiles of dy and cols in
//   workgroup memory. One workgroup reduces the whole batch for its tile of dw, so small layers
//   have few workgroups; a split-r variant would help large batches on real GPUs.

struct Params {
  batch: u32, inC: u32, inH: u32, inW: u32,
  outC: u32, outH: u32, outW: u32, kh: u32,
  kw: u32, strideH: u32, strideW: u32, padTop: u32,
  padLeft: u32, dilationH: u32, dilationW: u32, groups: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dw: array<f32>;

override TILE: u32 = 16;

var<workgroup> aTile: array<f32, TILE * TILE>; // [filter][r]
var<workgroup> bTile: array<f32, TILE * TILE>; // [r][k]

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

@compute @workgroup_size(TILE, TILE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let fg = P.outC / P.groups;
  let K = (P.inC / P.groups) * P.kh * P.kw;
  let pixels = P.outH * P.outW;
  let R = P.batch * pixels;
  let g = wid.z;
  let k = wid.x * TILE + lid.x;
  let f = wid.y * TILE + lid.y;
  var acc = 0.0;
  for (var r0 = 0u; r0 < R; r0 += TILE) {
    let ra = r0 + lid.x;
    var av = 0.0;
    if (f < fg && ra < R) {
      av = dy[((ra / pixels) * P.outC + g * fg + f) * pixels + ra % pixels];
    }
    aTile[lid.y * TILE + lid.x] = av;
    let rb = r0 + lid.y;
    var bv = 0.0;
    if (rb < R && k < K) {
      bv = colValue(rb / pixels, g, k, rb % pixels);
    }
    bTile[lid.y * TILE + lid.x] = bv;
    workgroupBarrier();
    for (var t = 0u; t < TILE; t++) {
      acc += aTile[lid.y * TILE + t] * bTile[t * TILE + lid.x];
    }
    workgroupBarrier();
  }
  if (f < fg && k < K) {
    dw[(g * fg + f) * K + k] = acc;
  }
}
