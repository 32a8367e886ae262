// Snippet loss_metrics: the metrics accumulator every loss head adds its batch to, and the add.
// Not a kernel: engine/gpu/pipelines.ts appends it to each kernel whose header has the line
// `// Snippets: loss_metrics` (softmax_cross_entropy, hinge_loss), so both heads share one buffer
// layout and one reduction, and the metrics reader (engine/gpu/metrics.ts) does not care which ran.
//
// Layout (engine/gpu/loss.ts metricsWords): lossSum f32, correct u32, count u32, penaltySum f32
// (penalty_total's word; untouched here), then confusion [K*K] atomic u32 (row = label, column =
// prediction), which the head adds to per sample itself.
// Needs the kernel to declare `override WG: u32` (a power of two) and bind
// `var<storage, read_write> metrics: Metrics`.

struct Metrics {
  lossSum: f32,
  correct: u32,
  count: u32,
  penaltySum: f32,
  confusion: array<atomic<u32>>,
}

var<workgroup> lossPart: array<f32, WG>;
var<workgroup> correctPart: array<u32, WG>;

// Called by every thread of the one workgroup with its own summed loss and correct count: a tree
// reduction in workgroup memory, then thread 0 adds the batch to the accumulator (no float atomics).
fn addBatchMetrics(lid: u32, loss: f32, correct: u32, batch: u32) {
  lossPart[lid] = loss;
  correctPart[lid] = correct;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half /= 2u) {
    if (lid < half) {
      lossPart[lid] += lossPart[lid + half];
      correctPart[lid] += correctPart[lid + half];
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    metrics.lossSum += lossPart[0];
    metrics.correct += correctPart[0];
    metrics.count += batch;
  }
}
