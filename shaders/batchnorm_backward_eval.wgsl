// batchnorm_backward_eval: dx = dy * gamma / sqrt(runningVar + eps). In evaluation mode batch norm
// is a fixed per-channel affine map (running statistics, not the batch's), so its input gradient
// is a per-channel scale; gamma and beta get no gradient here (engine/gpu/input-gradient.ts uses it
// for gradients with respect to the image, never to train).
//
// Bindings (group 0): 0 Params, 1 dy [N, C, size], 2 gamma [C], 3 running [2C] (mean then
//   variance), 4 dx (written; may not alias dy).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(N*C*size / WG) workgroups via linearDispatch.

struct Params {
  batch: u32, channels: u32, size: u32, momentum: f32, epsilon: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> running: array<f32>;
@group(0) @binding(4) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.batch * P.channels * P.size) {
    return;
  }
  let c = (i / P.size) % P.channels;
  dx[i] = dy[i] * gamma[c] / sqrt(running[P.channels + c] + P.epsilon);
}
