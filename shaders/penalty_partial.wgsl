// penalty_partial: the first half of the L1/L2 penalty of one weight tensor, as partial sums:
//   parts[slot + 2t] = sum over i = t, t + P, t + 2P, ... of |w[i]|,  parts[slot + 2t + 1] = the same of w[i]^2
// for thread t of P = PARTS threads (the penalty_total kernel adds them up).
//
// Bindings (group 0): 0 Params, 1 w [count], 2 parts (written at [slot, slot + 2 * PARTS)).
// Workgroup: PARTS threads (override, default 64), one workgroup; each thread walks its stride.
// Dispatch: 1 workgroup; see engine/gpu/penalty.ts.

struct Params {
  count: u32, slot: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read_write> parts: array<f32>;

override PARTS: u32 = 64;

@compute @workgroup_size(PARTS)
fn main(@builtin(local_invocation_index) t: u32) {
  var absSum = 0.0;
  var squareSum = 0.0;
  for (var i = t; i < P.count; i += PARTS) {
    let v = w[i];
    absSum += abs(v);
    squareSum += v * v;
  }
  parts[P.slot + 2u * t] = absSum;
  parts[P.slot + 2u * t + 1u] = squareSum;
}
