/**
 * Global average pooling: [N, C, H, W] → [N, C], the mean of each feature map. Modern networks
 * use it in place of flatten + a large dense layer.
 */
import type { Tensor } from '../tensor/tensor';
import type { Floats } from './floats';

/** y[n, c] = mean over h, w of x[n, c, h, w]; `planes` = N·C, `size` = H·W. */
export function globalAvgPoolForward(planes: number, size: number, x: Floats, y: Floats): void {
  for (let p = 0; p < planes; p++) {
    let s = 0;
    const o = p * size;
    for (let i = 0; i < size; i++) s += x[o + i]!;
    y[p] = s / size;
  }
}

/** dx[n, c, h, w] = dy[n, c] / (H·W). */
export function globalAvgPoolBackward(planes: number, size: number, dy: Floats, dx: Floats): void {
  for (let p = 0; p < planes; p++) {
    const g = dy[p]! / size;
    const o = p * size;
    for (let i = 0; i < size; i++) dx[o + i] = g;
  }
}

export function globalAvgPool(x: Tensor): Tensor {
  const [n = 1, c = 1, h = 1, w = 1] = x.shape;
  const y = new Float32Array(n * c);
  globalAvgPoolForward(n * c, h * w, x.data, y);
  return { shape: [n, c], data: y };
}
