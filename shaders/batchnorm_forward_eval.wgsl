// batchnorm_forward_eval: y = gamma*(x - runningMean)/sqrt(runningVar + eps) + beta, so a sample's
// output does not depend on the rest of the batch (engine/cpu/batchnorm.ts, training = false).
//
// Bindings (group 0): 0 Params, 1 x [N, C, size], 2 gamma [C], 3 beta [C],
//   4 running [2C] (mean then variance), 5 y (written).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(N*C*size / WG) workgroups via linearDispatch.

struct Params {
  batch: u32, channels: u32, size: u32, momentum: f32, epsilon: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read> running: array<f32>;
@group(0) @binding(5) var<storage, read_write> y: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.batch * P.channels * P.size) {
    return;
  }
  let c = (i / P.size) % P.channels;
  let inv = 1.0 / sqrt(running[P.channels + c] + P.epsilon);
  y[i] = gamma[c] * (x[i] - running[c]) * inv + beta[c];
}
