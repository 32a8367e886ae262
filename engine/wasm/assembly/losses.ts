/**
 * AssemblyScript: softmax cross-entropy from logits [N, K] with u8 labels, as
 * engine/cpu/losses.ts softmaxCrossEntropy: the row max is subtracted first, sums are in f64,
 * returns the mean loss and writes dL/ds = (p − onehot)/N into grad unless grad is 0.
 */
export function softmaxCrossEntropy(batch: i32, classes: i32, logits: usize, labels: usize, grad: usize): f64 {
  let total: f64 = 0;
  for (let n = 0; n < batch; n++) {
    const row = logits + <usize>(n * classes) * 4;
    let mx: f64 = -Infinity;
    for (let j = 0; j < classes; j++) mx = Math.max(mx, <f64>load<f32>(row + <usize>j * 4));
    let sum: f64 = 0;
    for (let j = 0; j < classes; j++) sum += Math.exp(<f64>load<f32>(row + <usize>j * 4) - mx);
    const label = <i32>load<u8>(labels + <usize>n);
    total += Math.log(sum) - (<f64>load<f32>(row + <usize>label * 4) - mx);
    if (grad) {
      const out = grad + <usize>(n * classes) * 4;
      for (let j = 0; j < classes; j++) {
        const p = Math.exp(<f64>load<f32>(row + <usize>j * 4) - mx) / sum;
        store<f32>(out + <usize>j * 4, <f32>((p - (j == label ? 1 : 0)) / <f64>batch));
      }
    }
  }
  return total / <f64>batch;
}
