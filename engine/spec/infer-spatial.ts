/**
 * Shape rules for the layers that slide a window over height and width: conv2d and the two
 * pools. Both axes go through arithmetic.ts; a misfit becomes a SpecError whose fix is computed.
 */

import { axisOutput, explainFits } from './arithmetic';
import {
  commonDivisors,
  fail,
  optionalBoolean,
  padding,
  pair,
  positiveInt,
  shapeText,
  short,
  type Where,
} from './checks';
import type { Inferred } from './infer';
import { isActivationKind } from './schema';
import type { Conv2dLayer, Padding, PoolLayer, ResolvedLayer, SampleShape } from './types';

interface Window {
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly padding: Padding;
}

interface Placed {
  readonly out: [number, number];
  readonly pad: [number, number];
  readonly padEnd: [number, number];
}

const AXES = ['height', 'width'] as const;

function needsImage(input: SampleShape, what: string, where: Where): readonly [number, number, number] {
  if (input.length !== 3) {
    fail(
      where,
      `${what} needs a [channels, height, width] input, but its input is ${shapeText(input)}. ` +
        'Put it before any flatten, globalavgpool or dense layer.',
    );
  }
  return input as readonly [number, number, number];
}

/** Places the window along both axes; `what` is "the kernel" or "the 2x2 window". */
function place(hw: readonly [number, number], w: Window, what: string, where: Where): Placed {
  const out: [number, number] = [0, 0];
  const pad: [number, number] = [0, 0];
  const padEnd: [number, number] = [0, 0];
  const square = hw[0] === hw[1] && w.kernel[0] === w.kernel[1] && w.stride[0] === w.stride[1];
  for (const axis of [0, 1] as const) {
    const size = hw[axis];
    const result = axisOutput(w.padding, axis, size, w.kernel[axis], w.stride[axis], w.dilation[axis]);
    const { padStart, padEnd: end } = result;
    if (!result.ok) {
      const params = {
        size,
        kernel: w.kernel[axis],
        stride: w.stride[axis],
        padStart,
        padEnd: end,
        dilation: w.dilation[axis],
      };
      const along = square && typeof w.padding !== 'object' ? '' : ` along the ${AXES[axis]}`;
      const why =
        result.kind === 'kernel-too-large'
          ? `${what} (${result.effectiveKernel} pixels) is larger than the padded input${along}: ${result.formula}, so there is no output.`
          : `${what} does not fit${along}: ${result.formula} is not a whole number.`;
      fail(where, `${why} ${explainFits(result, params)}`);
    }
    out[axis] = result.value;
    pad[axis] = padStart;
    padEnd[axis] = end;
  }
  return { out, pad, padEnd };
}

export function inferConv2d(layer: Conv2dLayer, input: SampleShape, where: Where): Inferred {
  const [channels, h, w] = needsImage(input, 'conv2d', where);
  const filters = positiveInt(layer.filters, 'filters', where);
  const kernel = pair(layer.kernel, 1, 'kernel', where);
  const stride = pair(layer.stride, 1, 'stride', where);
  const dilation = pair(layer.dilation, 1, 'dilation', where);
  const groups = positiveInt(layer.groups ?? 1, 'groups', where);
  const bias = optionalBoolean(layer.bias, true, 'bias', where);
  if (layer.activation !== undefined && !isActivationKind(layer.activation)) {
    fail(where, `unknown activation ${short(layer.activation)}.`);
  }
  if (channels % groups !== 0 || filters % groups !== 0) {
    const bad = channels % groups !== 0 ? `the ${channels} input channels` : `the ${filters} filters`;
    fail(
      where,
      `groups ${groups} cannot split ${bad} evenly; each group needs the same number of input channels and ` +
        `filters. Groups that divide both ${channels} channels and ${filters} filters: ` +
        `${commonDivisors(channels, filters).join(', ')}.`,
    );
  }
  const kernelText = `the ${kernel[0]}x${kernel[1]} kernel`;
  const placed = place([h, w], { kernel, stride, dilation, padding: padding(layer.padding, where) }, kernelText, where);
  // Each filter sees only its group's C/groups input channels (AlexNet's two-GPU split).
  const perFilter = (channels / groups) * kernel[0] * kernel[1];
  const positions = placed.out[0] * placed.out[1];
  const resolved: ResolvedLayer = {
    type: 'conv2d',
    filters,
    kernel,
    stride,
    pad: placed.pad,
    padEnd: placed.padEnd,
    dilation,
    groups,
    bias,
    activation: layer.activation ?? null,
  };
  return {
    outputShape: [filters, placed.out[0], placed.out[1]],
    weights: filters * perFilter,
    biases: bias ? filters : 0,
    macs: positions * filters * perFilter,
    resolved,
  };
}

export function inferPool(layer: PoolLayer, input: SampleShape, where: Where): Inferred {
  const [channels, h, w] = needsImage(input, layer.type, where);
  const size = pair(layer.size, 1, 'size', where);
  const stride = pair(layer.stride, size, 'stride', where);
  const pad = padding(layer.padding, where);
  const placed = place(
    [h, w],
    { kernel: size, stride, dilation: [1, 1], padding: pad },
    `the ${size[0]}x${size[1]} window`,
    where,
  );
  // A window made only of padding has no max (and an average of pure zeros); refuse it.
  for (const axis of [0, 1] as const) {
    const most = Math.max(placed.pad[axis], placed.padEnd[axis]);
    if (most >= size[axis]) {
      fail(where, `padding ${most} is as wide as the ${size[axis]}-pixel window; use at most ${size[axis] - 1}.`);
    }
  }
  return {
    outputShape: [channels, placed.out[0], placed.out[1]],
    weights: 0,
    biases: 0,
    macs: 0,
    resolved: { type: layer.type, size, stride, pad: placed.pad, padEnd: placed.padEnd },
  };
}
