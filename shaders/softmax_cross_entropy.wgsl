// softmax_cross_entropy: the fused loss head. From logits [N, K] and labels it writes, in one pass,
//   dLogits[n, j] = (softmax(s_n)_j - [j = y_n]) / N           (the gradient of the MEAN loss),
// and adds to the on-GPU metrics accumulator:
//   lossSum += sum_n (logsumexp(s_n) - s_n[y_n])   (the batch's summed loss; mean = lossSum / count)
//   correct += number of n with argmax(s_n) = y_n  (first maximum wins ties, as engine/train/metrics.ts)
//   count   += N
//   confusion[y_n * K + argmax(s_n)] += 1
// Nothing is read back: the metrics buffer is copied out every few steps (engine/gpu/metrics.ts).
// Logits are shifted by their row max first, so exp never overflows and log never sees 0.
//
// Bindings (group 0): 0 Params, 1 logits [N, K], 2 labels [N] (u32), 3 dLogits [N, K] (written),
//   4 metrics (read_write: lossSum f32, correct u32, count u32, penaltySum f32 (penalty_total's), confusion [K*K] atomic u32).
// Workgroup: WG threads (override, default 64, a power of two). ONE workgroup does the whole batch:
//   each thread takes samples lid, lid + WG, ...; loss and correct are reduced in workgroup memory
//   and added by thread 0, so the accumulator needs no float atomics.
// Dispatch: (1, 1, 1).
// Snippets: loss_metrics (shaders/snippets/loss_metrics.wgsl: the Metrics struct and addBatchMetrics).

struct Params {
  batch: u32, classes: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read_write> dLogits: array<f32>;
@group(0) @binding(4) var<storage, read_write> metrics: Metrics;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) lid: u32) {
  let K = P.classes;
  let scale = 1.0 / f32(P.batch);
  var loss = 0.0;
  var correct = 0u;
  for (var n = lid; n < P.batch; n += WG) {
    let o = n * K;
    var best = logits[o];
    var predicted = 0u;
    for (var j = 1u; j < K; j++) {
      if (logits[o + j] > best) {
        best = logits[o + j];
        predicted = j;
      }
    }
    var sum = 0.0;
    for (var j = 0u; j < K; j++) {
      sum += exp(logits[o + j] - best);
    }
    let label = labels[n];
    loss += log(sum) - (logits[o + label] - best);
    for (var j = 0u; j < K; j++) {
      let p = exp(logits[o + j] - best) / sum;
      dLogits[o + j] = (p - select(0.0, 1.0, j == label)) * scale;
    }
    correct += select(0u, 1u, predicted == label);
    atomicAdd(&metrics.confusion[label * K + predicted], 1u);
  }
  addBatchMetrics(lid, loss, correct, P.batch);
}
