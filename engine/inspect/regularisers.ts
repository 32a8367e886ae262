/**
 * The image priors of activation maximisation and image reconstruction (the lecture's
 * argmax_I S_c(I) - lambda ||I||^2, and Mahendran and Vedaldi's total variation
 * R_TV(x) = sum_ij ((x_{i+1,j} - x_ij)^2 + (x_{i,j+1} - x_ij)^2)^(beta/2)), each with its gradient.
 * Images are [C, H, W], flat.
 */

export interface Penalty {
  readonly value: number;
  readonly gradient: Float32Array;
}

/** ||x||^2 and its gradient 2x. */
export function squaredNorm(image: Float32Array): Penalty {
  let value = 0;
  const gradient = new Float32Array(image.length);
  for (let i = 0; i < image.length; i++) {
    value += image[i]! * image[i]!;
    gradient[i] = 2 * image[i]!;
  }
  return { value, gradient };
}

/**
 * Total variation with exponent beta/2 per pixel (beta = 2: the sum of squared neighbour
 * differences). Pixels on the last row or column have no forward neighbour on that axis, so their
 * difference counts as zero. A tiny floor keeps beta < 2 differentiable where an image is flat.
 */
export function totalVariation(image: Float32Array, shape: readonly number[], beta = 2): Penalty {
  const [channels = 1, height = 1, width = 1] = shape;
  const gradient = new Float32Array(image.length);
  let value = 0;
  const half = beta / 2;
  const floor = beta < 2 ? 1e-8 : 0;
  for (let c = 0; c < channels; c++) {
    const plane = c * height * width;
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const at = plane + i * width + j;
        const down = i + 1 < height ? image[at + width]! - image[at]! : 0;
        const right = j + 1 < width ? image[at + 1]! - image[at]! : 0;
        const sq = down * down + right * right;
        const base = sq + floor;
        if (base === 0) continue;
        value += base ** half;
        // d/dx of base^(beta/2) = (beta/2) base^(beta/2-1) * d base/dx, d base = 2 down d(down) + 2 right d(right)
        const scale = half * base ** (half - 1) * 2;
        if (i + 1 < height) {
          gradient[at + width]! += scale * down;
          gradient[at]! -= scale * down;
        }
        if (j + 1 < width) {
          gradient[at + 1]! += scale * right;
          gradient[at]! -= scale * right;
        }
      }
    }
  }
  return { value, gradient };
}
