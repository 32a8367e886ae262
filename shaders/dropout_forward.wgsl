// dropout_forward: inverted dropout, y = x * mask with mask = 0 (dropped, probability rate) or
// 1/(1 - rate) (kept), and the mask written for the backward pass (as engine/cpu/dropout.ts).
// The random number for element i is a hash of (seed, i) (PCG-style integer hash), so masks are
// reproducible from the seed without any RNG state on the GPU. They are NOT the masks the CPU
// engine draws from its mulberry32 stream: tests compare against the CPU using the mask read back.
//
// Bindings (group 0): 0 Params, 1 x, 2 y (written), 3 mask (written).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch. The owner rewrites `seed` every step.

struct Params {
  count: u32, rate: f32, seed: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> mask: array<f32>;

override WG: u32 = 64;

fn hash(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.count) {
    return;
  }
  // 24 random bits -> uniform in [0, 1), exactly representable in f32.
  let u = f32(hash(i ^ hash(P.seed)) >> 8u) / 16777216.0;
  var m = 0.0;
  if (u >= P.rate && P.rate < 1.0) {
    m = 1.0 / (1.0 - P.rate);
  }
  mask[i] = m;
  y[i] = x[i] * m;
}
