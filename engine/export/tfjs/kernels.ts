/**
 * ConvLab's NCHW weights in the layouts Keras (and so TF.js Layers) keeps them:
 *   conv2d  [filters, C/groups, kh, kw]  ->  Conv2D kernel [kh, kw, C, filters]
 *   dense   [units, inputs]              ->  Dense kernel  [inputs, units]
 * TF.js's Conv2D has no `groups`, so a grouped conv becomes an ordinary one whose kernel is zero
 * between groups (block diagonal): the same sums exactly, with `groups` times the stored weights.
 */

/** Conv2D kernel [kh, kw, C, filters] from ConvLab's [filters, C/groups, kh, kw]. */
export function kerasConvKernel(
  weight: Float32Array,
  filters: number,
  channels: number,
  groups: number,
  kh: number,
  kw: number,
): Float32Array {
  const perGroupIn = channels / groups;
  const perGroupOut = filters / groups;
  const out = new Float32Array(kh * kw * channels * filters);
  for (let f = 0; f < filters; f++) {
    const firstChannel = Math.floor(f / perGroupOut) * perGroupIn;
    for (let c = 0; c < perGroupIn; c++) {
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          const from = ((f * perGroupIn + c) * kh + y) * kw + x;
          out[((y * kw + x) * channels + firstChannel + c) * filters + f] = weight[from]!;
        }
      }
    }
  }
  return out;
}

/** Dense kernel [inputs, units] from ConvLab's [units, inputs]. */
export function kerasDenseKernel(weight: Float32Array, units: number, inputs: number): Float32Array {
  const out = new Float32Array(units * inputs);
  for (let u = 0; u < units; u++) {
    for (let i = 0; i < inputs; i++) out[i * units + u] = weight[u * inputs + i]!;
  }
  return out;
}
