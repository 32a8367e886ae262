/**
 * 2-D convolution (cross-correlation, as every deep learning library computes it) over NCHW,
 * with stride, asymmetric zero padding, dilation, groups and an optional bias.
 *
 *   y[n, f, oy, ox] = b[f] + Σ_{c in f's group, ky, kx} w[f, c, ky, kx] · x[n, c, oy·sh − pt + ky·dh, ox·sw − pl + kx·dw]
 *
 * Weights are [filters, C/groups, kh, kw]. Each image and group is unrolled by im2col into a
 * [K, P] matrix (K = C/groups·kh·kw, P = outH·outW) so that the work is one register-blocked
 * matrix product per image and group: Y_g = W_g·cols, dW_g += dY_g·colsᵀ, dcols = W_gᵀ·dY_g.
 * Backward recomputes cols rather than keeping them from forward: it costs 1/filters of the
 * product and keeps the kernels stateless.
 */

import type { Tensor } from '../tensor/tensor';
import { type Floats, floatsLike } from './floats';
import { gemm } from './gemm';
import { type ConvGeometry, convGeometry, type WindowOptions } from './geometry';
import { col2im, im2col } from './im2col';

/** Scratch length im2col needs for one image and group (K·P). */
export function conv2dScratchSize(geo: ConvGeometry): number {
  return (geo.inC / geo.groups) * geo.kh * geo.kw * geo.outH * geo.outW;
}

/** y ([N, F, outH, outW]) = conv(x, w) + b. `cols` is optional scratch of conv2dScratchSize. */
export function conv2dForward(
  geo: ConvGeometry,
  x: Floats,
  w: Floats,
  b: Floats | null,
  y: Floats,
  cols: Floats = floatsLike(x, conv2dScratchSize(geo)),
): void {
  const { batch, groups, outC } = geo;
  const fg = outC / groups;
  const k = (geo.inC / groups) * geo.kh * geo.kw;
  const p = geo.outH * geo.outW;
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      im2col(geo, x, n, g, cols, 0);
      gemm(fg, p, k, w, g * fg * k, k, 1, cols, 0, p, 1, y, (n * outC + g * fg) * p, false);
    }
    if (b) {
      for (let f = 0; f < outC; f++) {
        const bf = b[f]!;
        const o = (n * outC + f) * p;
        for (let i = 0; i < p; i++) y[o + i]! += bf;
      }
    }
  }
}

export interface Conv2dGrads {
  /** dL/dx, overwritten; null to skip (e.g. the network's first layer). */
  readonly dx: Floats | null;
  /** dL/dw, overwritten. */
  readonly dw: Floats;
  /** dL/db, overwritten; null when the layer has no bias. */
  readonly db: Floats | null;
}

/** Back-propagates dy through the convolution. Scratch arrays are optional (length conv2dScratchSize). */
export function conv2dBackward(
  geo: ConvGeometry,
  x: Floats,
  w: Floats,
  dy: Floats,
  grads: Conv2dGrads,
  cols: Floats = floatsLike(x, conv2dScratchSize(geo)),
  dcols: Floats = floatsLike(x, conv2dScratchSize(geo)),
): void {
  const { batch, groups, outC } = geo;
  const { dx, dw, db } = grads;
  const fg = outC / groups;
  const k = (geo.inC / groups) * geo.kh * geo.kw;
  const p = geo.outH * geo.outW;
  dw.fill(0);
  if (dx) dx.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < groups; g++) {
      const dyOff = (n * outC + g * fg) * p;
      im2col(geo, x, n, g, cols, 0);
      // dW_g[fg, K] += dY_g[fg, P] · cols[K, P]ᵀ
      gemm(fg, k, p, dy, dyOff, p, 1, cols, 0, 1, p, dw, g * fg * k, true);
      if (dx) {
        // dcols[K, P] = W_g[fg, K]ᵀ · dY_g[fg, P], then scattered back onto the input pixels.
        gemm(k, p, fg, w, g * fg * k, 1, k, dy, dyOff, p, 1, dcols, 0, false);
        col2im(geo, dcols, 0, n, g, dx);
      }
    }
  }
  if (db) {
    db.fill(0);
    for (let n = 0; n < batch; n++) {
      for (let f = 0; f < outC; f++) {
        const o = (n * outC + f) * p;
        let s = 0;
        for (let i = 0; i < p; i++) s += dy[o + i]!;
        db[f]! += s;
      }
    }
  }
}

/** Tensor-level convolution for lessons and tests: x [N, C, H, W], w [F, C/groups, kh, kw], b [F] or null. */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null, options: WindowOptions = {}): Tensor {
  const [f = 1, , kh = 1, kw = 1] = w.shape;
  const geo = convGeometry(x.shape, f, [kh, kw], options);
  const y = new Float32Array(geo.batch * f * geo.outH * geo.outW);
  conv2dForward(geo, x.data, w.data, b ? b.data : null, y);
  return { shape: [geo.batch, f, geo.outH, geo.outW], data: y };
}
