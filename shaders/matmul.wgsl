// matmul: C[M, N] = act(A · B + bias), the one matrix product behind dense forward and backward.
//
// A and B are addressed through strides, so the same kernel computes A·B, A·Bᵀ and Aᵀ·B without a
// transpose copy (as engine/cpu/gemm.ts does): A(i, k) = a[i*aI + k*aK], B(k, j) = b[k*bK + j*bJ].
// C is row-major and contiguous, overwritten. Dense uses it three ways (engine/gpu/dense.ts):
//   forward  y[N, U]  = x[N, I] · Wᵀ      + b, fused activation
//   dx       dx[N, I] = dy[N, U] · W
//   dW       dW[U, I] = dyᵀ · x[N, I]
//
// Bindings (group 0): 0 Params, 1 a, 2 b, 3 bias [N] (bound always; read when hasBias = 1), 4 c (written).
// Workgroup: TILE x TILE threads (override, default 16); thread (lx, ly) owns C[wid.y*TILE + ly, wid.x*TILE + lx].
// Dispatch: (ceil(N / TILE), ceil(M / TILE), 1).
// Tiling: K walked TILE at a time, a TILE x TILE tile of A and of B staged in workgroup memory
//   per step (one load each per thread), TILE multiply-adds per thread from shared memory.
// Activation codes: 0 none, 1 relu, 2 leakyRelu, 3 sigmoid, 4 tanh, 5 elu, 6 softplus.

struct Params {
  M: u32, N: u32, K: u32,
  aI: u32, aK: u32, bK: u32, bJ: u32,
  hasBias: u32, activation: u32, alpha: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> c: array<f32>;

override TILE: u32 = 16;

var<workgroup> aTile: array<f32, TILE * TILE>; // [row i][k]
var<workgroup> bTile: array<f32, TILE * TILE>; // [k][column j]

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
  let i = wid.y * TILE + lid.y;
  let j = wid.x * TILE + lid.x;
  var acc = 0.0;
  for (var k0 = 0u; k0 < P.K; k0 += TILE) {
    let ka = k0 + lid.x;
    var av = 0.0;
    if (i < P.M && ka < P.K) {
      av = a[i * P.aI + ka * P.aK];
    }
    aTile[lid.y * TILE + lid.x] = av;
    let kb = k0 + lid.y;
    var bv = 0.0;
    if (kb < P.K && j < P.N) {
      bv = b[kb * P.bK + j * P.bJ];
    }
    bTile[lid.y * TILE + lid.x] = bv;
    workgroupBarrier();
    for (var t = 0u; t < TILE; t++) {
      acc += aTile[lid.y * TILE + t] * bTile[t * TILE + lid.x];
    }
    workgroupBarrier();
  }
  if (i < P.M && j < P.N) {
    if (P.hasBias != 0u) {
      acc += bias[j];
    }
    c[i * P.N + j] = activate(acc);
  }
}
