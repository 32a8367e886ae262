// conv2d_backward_input: dx = dL/dx of a convolution, given dy = dL/dy (after the activation's
// backward has been applied, i.e. the gradient of the pre-activation output).
//
// Per image n and group g this is again a matrix product, written as a gather so that every
// input pixel is produced by exactly one thread (no atomics, deterministic):
//   dx[c, q] = sum_r A[c, r] * B[r, q],  r = (f, ky, kx) over the group's filters and taps,
//   A[c, r] = w[f, c, ky, kx],
//   B[r, q] = dy[f, oy, ox] where q = (iy, ix) = (oy*sh - padTop + ky*dh, ox*sw - padLeft + kx*dw),
//             or 0 when no output pixel reads q through that tap (stride gaps, edges).
//
// Bindings (group 0): 0 Params, 1 dy [N, F, outH, outW], 2 w [F, C/groups, kh, kw],
//   3 dx [N, C, H, W] (overwritten).
// Workgroup: TILE x TILE (override, default 16); thread (lx, ly) owns dx[channel wid.y*TILE + ly,
//   pixel wid.x*TILE + lx] of its group.
// Dispatch: (ceil(H*W / TILE), ceil((C/groups) / TILE), N * groups); see engine/gpu/conv2d.ts.
// Tiling: as conv2d_forward: TILE x TILE tiles of A and B staged in workgroup memory per step of r.

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

override TILE: u32 = 16;

var<workgroup> aTile: array<f32, TILE * TILE>; // [channel][r]
var<workgroup> bTile: array<f32, TILE * TILE>; // [r][input pixel]

// The output position that reads input coordinate i through tap k along one axis, or -1.
fn source(i: u32, k: u32, stride: u32, dilation: u32, pad: u32, outSize: u32) -> i32 {
  let t = i32(i + pad) - i32(k * dilation);
  if (t < 0 || u32(t) % stride != 0u) {
    return -1;
  }
  let o = u32(t) / stride;
  return select(-1, i32(o), o < outSize);
}

fn bValue(n: u32, g: u32, r: u32, q: u32) -> f32 {
  let taps = P.kh * P.kw;
  let f = g * (P.outC / P.groups) + r / taps;
  let ky = (r % taps) / P.kw;
  let kx = r % P.kw;
  let oy = source(q / P.inW, ky, P.strideH, P.dilationH, P.padTop, P.outH);
  let ox = source(q % P.inW, kx, P.strideW, P.dilationW, P.padLeft, P.outW);
  if (oy < 0 || ox < 0) {
    return 0.0;
  }
  return dy[((n * P.outC + f) * P.outH + u32(oy)) * P.outW + u32(ox)];
}

@compute @workgroup_size(TILE, TILE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let cg = P.inC / P.groups;
  let fg = P.outC / P.groups;
  let taps = P.kh * P.kw;
  let R = fg * taps;
  let pixels = P.inH * P.inW;
  let n = wid.z / P.groups;
  let g = wid.z % P.groups;
  let q = wid.x * TILE + lid.x;
  let c = wid.y * TILE + lid.y;
  var acc = 0.0;
  for (var r0 = 0u; r0 < R; r0 += TILE) {
    // A[c, r0 + lx] = w[g*fg + f, c, tap]: weights are [F, cg, kh, kw].
    let ra = r0 + lid.x;
    var av = 0.0;
    if (c < cg && ra < R) {
      av = w[((g * fg + ra / taps) * cg + c) * taps + ra % taps];
    }
    aTile[lid.y * TILE + lid.x] = av;
    let rb = r0 + lid.y;
    var bv = 0.0;
    if (rb < R && q < pixels) {
      bv = bValue(n, g, rb, q);
    }
    bTile[lid.y * TILE + lid.x] = bv;
    workgroupBarrier();
    for (var t = 0u; t < TILE; t++) {
      acc += aTile[lid.y * TILE + t] * bTile[t * TILE + lid.x];
    }
    workgroupBarrier();
  }
  if (c < cg && q < pixels) {
    dx[(n * P.inC + g * cg + c) * pixels + q] = acc;
  }
}
