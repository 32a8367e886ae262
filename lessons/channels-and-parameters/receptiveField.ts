/**
 * Which input pixels one output unit can see. Walking back from the last layer, a window of
 * `size` units starting at `start` in a layer's output covers, in its input,
 *   start' = start·S − P,   size' = (size − 1)·S + D·(F − 1) + 1
 * for a conv or pool layer (stride S, top/left padding P, dilation D, kernel F). Layers that do not
 * move pixels (activations, batch norm) leave the window alone. Uses the engine's resolved layers,
 * so padding and strides are exactly those the engine computes with.
 */
import type { LayerSummary } from '../../engine/spec';

export interface Window {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

export function receptiveWindow(layers: readonly LayerSummary[], row: number, col: number): Window {
  let win: Window = { top: row, left: col, height: 1, width: 1 };
  for (let i = layers.length - 1; i >= 0; i--) {
    const r = layers[i]!.resolved;
    if (r.type !== 'conv2d' && r.type !== 'maxpool' && r.type !== 'avgpool') continue;
    const [kh, kw] = r.type === 'conv2d' ? r.kernel : r.size;
    const [dh, dw] = r.type === 'conv2d' ? r.dilation : [1, 1];
    const [sh, sw] = r.stride;
    const [ph, pw] = r.pad;
    win = {
      top: win.top * sh - ph,
      left: win.left * sw - pw,
      height: (win.height - 1) * sh + dh * (kh - 1) + 1,
      width: (win.width - 1) * sw + dw * (kw - 1) + 1,
    };
  }
  return win;
}
