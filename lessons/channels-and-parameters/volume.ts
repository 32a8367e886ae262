/**
 * The settings of one convolution layer (a D1×H1×W1 input, channels first as everywhere in the
 * course; K filters of F×F, stride S, padding P) and the model spec that hands them to the engine. The lecture's worked
 * cases are listed here once, so the explorer's buttons and the e2e test load the same numbers.
 */
import type { ModelSpec } from '../../engine/spec';

export interface ConvSettings {
  readonly w: number;
  readonly h: number;
  readonly d: number;
  readonly f: number;
  readonly k: number;
  readonly s: number;
  readonly p: number;
  readonly bias: boolean;
}

/** One conv layer on a D×H×W input; the engine's shapes are [channels, height, width]. */
export function convSpec(c: ConvSettings): ModelSpec {
  return {
    name: 'one conv layer',
    layers: [
      { type: 'input', shape: [c.d, c.h, c.w] },
      { type: 'conv2d', filters: c.k, kernel: c.f, stride: c.s, padding: c.p, bias: c.bias },
    ],
  };
}

export interface ConvExample {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  readonly settings: ConvSettings;
}

export const CONV_EXAMPLES: readonly ConvExample[] = [
  {
    id: 'lecture-32x32x3',
    label: '3×32×32, thirty 5×5 filters',
    source: 'notes 000: the weight-sharing example',
    settings: { w: 32, h: 32, d: 3, f: 5, k: 30, s: 1, p: 0, bias: true },
  },
  {
    id: 'pad-2',
    label: '3×32×32, twenty 5×5 filters, pad 2',
    source: 'notes 002: output size with padding',
    settings: { w: 32, h: 32, d: 3, f: 5, k: 20, s: 1, p: 2, bias: true },
  },
  {
    id: 'tf-conv2d',
    label: 'tf.nn.conv2d: 3×4×4 input, seven 3×3 filters',
    source: 'notes 001: tf.nn.conv2d has no bias of its own',
    settings: { w: 4, h: 4, d: 3, f: 3, k: 7, s: 1, p: 0, bias: false },
  },
  {
    id: 'across-channels',
    label: '3×28×28 image, four 15×15 filters',
    source: 'notes 004: convolutions across channels',
    settings: { w: 28, h: 28, d: 3, f: 15, k: 4, s: 1, p: 0, bias: true },
  },
];
