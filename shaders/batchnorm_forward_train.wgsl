// batchnorm_forward_train: per channel c over the batch (m = N*size values):
//   mean, biased var -> invStd = 1/sqrt(var + eps); xhat = (x - mean)*invStd; y = gamma*xhat + beta;
//   running = (1 - momentum)*running + momentum*batch stat (variance unbiased: var*m/(m-1)),
// as engine/cpu/batchnorm.ts. xhat and invStd are kept for batchnorm_backward.
//
// Bindings (group 0): 0 Params, 1 x [N, C, size], 2 gamma [C], 3 beta [C], 4 y (written),
//   5 xhat (written), 6 invStd [C] (written), 7 running [2C] (mean then variance, updated).
// Workgroup: WG threads (override, default 256, a power of two), ONE workgroup per channel: it
//   reduces the mean, then the variance around it (two passes, more accurate than E[x^2] - E[x]^2),
//   in workgroup memory, then writes the channel's outputs.
// Dispatch: (C, 1, 1).

struct Params {
  batch: u32, channels: u32, size: u32, momentum: f32, epsilon: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
@group(0) @binding(5) var<storage, read_write> xhat: array<f32>;
@group(0) @binding(6) var<storage, read_write> invStd: array<f32>;
@group(0) @binding(7) var<storage, read_write> running: array<f32>;

override WG: u32 = 256;

var<workgroup> partial: array<f32, WG>;

fn at(c: u32, i: u32) -> u32 {
  return ((i / P.size) * P.channels + c) * P.size + i % P.size;
}

// Sum of partial[] across the workgroup, left in every thread's hands.
fn reduce(lid: u32, v: f32) -> f32 {
  partial[lid] = v;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half /= 2u) {
    if (lid < half) {
      partial[lid] += partial[lid + half];
    }
    workgroupBarrier();
  }
  let total = partial[0];
  workgroupBarrier();
  return total;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let c = wid.x;
  let m = P.batch * P.size;
  var s = 0.0;
  for (var i = lid; i < m; i += WG) {
    s += x[at(c, i)];
  }
  let mean = reduce(lid, s) / f32(m);
  var v = 0.0;
  for (var i = lid; i < m; i += WG) {
    let d = x[at(c, i)] - mean;
    v += d * d;
  }
  let variance = reduce(lid, v) / f32(m);
  let inv = 1.0 / sqrt(variance + P.epsilon);
  let g = gamma[c];
  let b = beta[c];
  for (var i = lid; i < m; i += WG) {
    let j = at(c, i);
    let h = (x[j] - mean) * inv;
    xhat[j] = h;
    y[j] = g * h + b;
  }
  if (lid == 0u) {
    invStd[c] = inv;
    let unbiased = select(variance, variance * f32(m) / f32(m - 1u), m > 1u);
    running[c] = (1.0 - P.momentum) * running[c] + P.momentum * mean;
    running[P.channels + c] = (1.0 - P.momentum) * running[P.channels + c] + P.momentum * unbiased;
  }
}
