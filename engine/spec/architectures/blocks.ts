/**
 * Small builders shared by the big reference networks (GoogLeNet, ResNet-50, DenseNet): a run of
 * layers with the id of its last layer, so the next piece knows what to read from.
 *
 * Convs here are bias-free and 'same'-padded: every one of them is followed by a batchnorm whose
 * beta is the shift, and 'same' reproduces the frameworks' sizes where their numeric padding would
 * not tile under our strict output-size rule (e.g. a 7x7 stride-2 conv on 224 gives 112, as
 * PyTorch's floor((224 - 7 + 6)/2) + 1 does).
 */

import type { LayerSpec } from '../types';

export interface Block {
  readonly layers: LayerSpec[];
  /** The id of the block's last layer: its output. */
  readonly out: string;
}

/** A bias-free 'same' conv named `id`, reading `input` when given (else the layer above). */
export function bareConv(id: string, filters: number, kernel: number, stride = 1, input?: string): LayerSpec {
  const base = { type: 'conv2d', id, filters, kernel, stride, padding: 'same', bias: false } as const;
  return input === undefined ? base : { ...base, input };
}

/** conv -> batchnorm (ids `<id>` and `<id>_bn`), no activation: the end of a residual branch. */
export function convBnOnly(id: string, filters: number, kernel: number, stride = 1, input?: string): Block {
  return {
    layers: [bareConv(id, filters, kernel, stride, input), { type: 'batchnorm', id: `${id}_bn` }],
    out: `${id}_bn`,
  };
}

/** conv -> batchnorm -> ReLU (ids `<id>`, `<id>_bn`, `<id>_relu`): torchvision's BasicConv2d. */
export function convBn(id: string, filters: number, kernel: number, stride = 1, input?: string): Block {
  const { layers } = convBnOnly(id, filters, kernel, stride, input);
  return { layers: [...layers, { type: 'activation', id: `${id}_relu`, kind: 'relu' }], out: `${id}_relu` };
}

/** batchnorm -> ReLU -> conv (ids `<id>_bn`, `<id>_relu`, `<id>`): DenseNet's pre-activation order. */
export function bnConv(id: string, filters: number, kernel: number, input?: string): Block {
  const bn: LayerSpec =
    input === undefined ? { type: 'batchnorm', id: `${id}_bn` } : { type: 'batchnorm', id: `${id}_bn`, input };
  return {
    layers: [bn, { type: 'activation', id: `${id}_relu`, kind: 'relu' }, bareConv(id, filters, kernel)],
    out: id,
  };
}
