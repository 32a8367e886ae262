// hinge_loss: the multiclass SVM loss head, fused like softmax_cross_entropy. For scores [N, K]:
//   L_n = sum_{j != y} max(0, s_nj - s_ny + margin)
//   dScores[n, j] = [violated] / N for j != y,  dScores[n, y] = -(number of violations) / N
// and the same metrics accumulation (lossSum, correct, count, confusion) as softmax_cross_entropy,
// with the same buffer layout, so the metrics reader does not care which loss ran.
//
// Bindings (group 0): 0 Params, 1 scores [N, K], 2 labels [N] (u32), 3 dScores [N, K] (written),
//   4 metrics (read_write; layout in softmax_cross_entropy.wgsl).
// Workgroup: WG threads (override, default 64, a power of two); one workgroup does the whole batch.
// Dispatch: (1, 1, 1).
// Snippets: loss_metrics (shaders/snippets/loss_metrics.wgsl: the Metrics struct and addBatchMetrics).

struct Params {
  batch: u32, classes: u32, margin: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> scores: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read_write> dScores: array<f32>;
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
    let label = labels[n];
    let truth = scores[o + label];
    var best = scores[o];
    var predicted = 0u;
    var violations = 0u;
    for (var j = 0u; j < K; j++) {
      let s = scores[o + j];
      if (j > 0u && s > best) {
        best = s;
        predicted = j;
      }
      if (j != label) {
        let m = s - truth + P.margin;
        if (m > 0.0) {
          loss += m;
          violations++;
        }
        dScores[o + j] = select(0.0, scale, m > 0.0);
      }
    }
    dScores[o + label] = -f32(violations) * scale;
    correct += select(0u, 1u, predicted == label);
    atomicAdd(&metrics.confusion[label * K + predicted], 1u);
  }
  addBatchMetrics(lid, loss, correct, P.batch);
}
