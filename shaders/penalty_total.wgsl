// penalty_total: the second half of the L1/L2 penalty: adds up every weight tensor's partial
// sums (penalty_partial) in a fixed order and adds this step's penalty, times the batch size, to
// the metrics accumulator's penaltySum word, so the reported loss is data loss + penalty per
// sample, as the CPU trainer reports it:
//   penalty = l1 * sum |w| + l2 * sum w^2  over all regularised weights
//   metrics[3] += penalty * batch
//
// Bindings (group 0): 0 Params, 1 parts [2 * count] (abs, square pairs), 2 metrics (the loss
//   heads' accumulator, engine/gpu/loss.ts; only word 3 is touched, as f32).
// Workgroup: 1 thread. Dispatch: 1 workgroup; see engine/gpu/penalty.ts.

struct Params {
  count: u32, batch: u32, l1: f32, l2: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> parts: array<f32>;
@group(0) @binding(2) var<storage, read_write> metrics: array<f32>;

@compute @workgroup_size(1)
fn main() {
  var absSum = 0.0;
  var squareSum = 0.0;
  for (var i = 0u; i < P.count; i++) {
    absSum += parts[2u * i];
    squareSum += parts[2u * i + 1u];
  }
  metrics[3] += (P.l1 * absSum + P.l2 * squareSum) * f32(P.batch);
}
