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
// Workgroup: WG threads (override, default 64), 1-D.
// Dispatch: ceil(ceil(M / 4) * ceil(N / 8) / WG) workgroups via linearDispatch.
// Blocking: no workgroup memory and no barriers. Each thread owns a 4 x 8 block of C (rows
//   i0..i0+3, columns j0..j0+7; 8 vec4 accumulators) and walks all of K reading A and B from
//   global memory: 12 loads feed 32 multiply-adds. Threads map to (column block, row block),
//   column block fastest.
// ACT (override) is the activation code: 0 none, 1 relu, 2 leakyRelu, 3 sigmoid, 4 tanh, 5 elu, 6 softplus.
// Snippets: activate (shaders/snippets/activate.wgsl, appended by engine/gpu/pipelines.ts).

struct Params {
  M: u32, N: u32, K: u32,
  aI: u32, aK: u32, bK: u32, bJ: u32,
  hasBias: u32, alpha: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> c: array<f32>;

override WG: u32 = 64;
// The fused activation's code (header of conv2d_forward); a pipeline constant, so only it is compiled.
override ACT: u32 = 0;

fn store(i: u32, j0: u32, v: vec4f) {
  if (i >= P.M) {
    return;
  }
  for (var j = 0u; j < 4u; j++) {
    let col = j0 + j;
    if (col < P.N) {
      var s = v[j];
      if (P.hasBias != 0u) {
        s += bias[col];
      }
      c[i * P.N + col] = activate(s, P.alpha);
    }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let t = (wid.y * nwg.x + wid.x) * WG + lid;
  let jBlocks = (P.N + 7u) / 8u;
  if (t >= jBlocks * ((P.M + 3u) / 4u)) {
    return;
  }
  let j0 = (t % jBlocks) * 8u;
  let i0 = (t / jBlocks) * 4u;
  // Rows and columns past the edge are clamped: computed, never stored.
  let aRow = vec4u(
    min(i0, P.M - 1u) * P.aI,
    min(i0 + 1u, P.M - 1u) * P.aI,
    min(i0 + 2u, P.M - 1u) * P.aI,
    min(i0 + 3u, P.M - 1u) * P.aI,
  );
  let last = P.N - 1u;
  let bLo = vec4u(min(j0, last), min(j0 + 1u, last), min(j0 + 2u, last), min(j0 + 3u, last)) * P.bJ;
  let bHi = vec4u(min(j0 + 4u, last), min(j0 + 5u, last), min(j0 + 6u, last), min(j0 + 7u, last)) * P.bJ;
  var a0 = vec4f(0.0);
  var b0 = vec4f(0.0);
  var a1 = vec4f(0.0);
  var b1 = vec4f(0.0);
  var a2 = vec4f(0.0);
  var b2 = vec4f(0.0);
  var a3 = vec4f(0.0);
  var b3 = vec4f(0.0);
  for (var k = 0u; k < P.K; k++) {
    let ak = k * P.aK;
    let bk = k * P.bK;
    let lo = vec4f(b[bk + bLo.x], b[bk + bLo.y], b[bk + bLo.z], b[bk + bLo.w]);
    let hi = vec4f(b[bk + bHi.x], b[bk + bHi.y], b[bk + bHi.z], b[bk + bHi.w]);
    let v0 = a[aRow.x + ak];
    let v1 = a[aRow.y + ak];
    let v2 = a[aRow.z + ak];
    let v3 = a[aRow.w + ak];
    a0 += v0 * lo;
    b0 += v0 * hi;
    a1 += v1 * lo;
    b1 += v1 * hi;
    a2 += v2 * lo;
    b2 += v2 * hi;
    a3 += v3 * lo;
    b3 += v3 * hi;
  }
  store(i0, j0, a0);
  store(i0, j0 + 4u, b0);
  store(i0 + 1u, j0, a1);
  store(i0 + 1u, j0 + 4u, b1);
  store(i0 + 2u, j0, a2);
  store(i0 + 2u, j0 + 4u, b2);
  store(i0 + 3u, j0, a3);
  store(i0 + 3u, j0 + 4u, b3);
}
