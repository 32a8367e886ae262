/**
 * One ConvLab layer as Keras layers (TF.js Layers format, channels last). Only layers that plain
 * `tf.loadLayersModel` knows are used, LRN's excepted, so most exports need no custom code to load:
 * - padding is an explicit ZeroPadding2D before a 'valid' conv or average pool (ConvLab's average
 *   counts the zeros, as Keras's does over explicit padding); a padded max pool must match
 *   Keras's 'same' (which skips padding, as ConvLab does), anything else is refused;
 * - a dilated conv with a stride runs at stride 1 and is then subsampled by a 1x1 max pool with
 *   that stride (TF refuses dilation and stride together);
 * - flatten first permutes channels-last back to C, H, W, so the vector is in ConvLab's order and
 *   dense weights need no reordering, whatever sits between the flatten and the dense layer;
 * - ELU with an alpha other than 1 (Keras's ELU layer has only 1 in TF.js) is
 *   alpha·elu(x) + (1 - alpha)·relu(x), from Activation, Rescaling and Add layers;
 * - LRN has no Keras layer and no exact composition (there is no power or log layer), so it is the
 *   custom layer ConvLabLRN, which the export's convlab-layers.js defines (custom-layers-js.ts).
 */
import type { NamedArrays } from '../../cpu/weights';
import type { ActivationKind, LayerSummary } from '../../spec/types';
import { ExportError } from '../errors';
import { layerArray } from '../weights';
import { LRN_CLASS_NAME } from './custom-layers-js';
import { kerasConvKernel, kerasDenseKernel } from './kernels';

export interface KerasLayer {
  readonly class_name: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly inbound_nodes: unknown[];
}

export interface KerasWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** Builds the Keras graph, one ConvLab layer at a time, naming each Keras layer uniquely. */
export class KerasGraph {
  readonly layers: KerasLayer[] = [];
  readonly weights: KerasWeight[] = [];
  private readonly names = new Set<string>();

  /** A valid, unused Keras layer name close to `wanted` (TF.js names match [A-Za-z0-9][-A-Za-z0-9._]*). */
  name(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9._-]/g, '_');
    if (!/^[A-Za-z0-9]/.test(base)) base = `l${base}`;
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`;
    this.names.add(name);
    return name;
  }

  /** Adds a layer reading `inputs` (Keras layer names); returns its name. */
  add(className: string, wanted: string, config: Record<string, unknown>, inputs: readonly string[]): string {
    const name = this.name(wanted);
    const inbound = inputs.length === 0 ? [] : [inputs.map((i) => [i, 0, 0, {}])];
    this.layers.push({
      class_name: className,
      name,
      config: { name, trainable: true, ...config },
      inbound_nodes: inbound,
    });
    return name;
  }

  weight(layer: string, role: string, shape: readonly number[], values: Float32Array): void {
    this.weights.push({ name: `${layer}/${role}`, shape, values });
  }
}

const FUSED_ALPHA: Record<ActivationKind, number> = {
  relu: 0,
  leakyRelu: 0.01,
  sigmoid: 0,
  tanh: 0,
  elu: 1,
  softplus: 0,
};

/** Keras activation names for what a Conv2D or Dense config can hold itself. */
const KERAS_ACTIVATION: Partial<Record<ActivationKind, string>> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softplus: 'softplus',
};

/** The activation `kind` with ConvLab's alpha, as layers after `from`; returns the output's name. */
function addActivation(g: KerasGraph, id: string, kind: ActivationKind, alpha: number, from: string): string {
  if (kind === 'leakyRelu') return g.add('LeakyReLU', id, { alpha }, [from]);
  if (kind === 'elu' && alpha !== 1) {
    const elu = g.add('Activation', `${id}_elu1`, { activation: 'elu' }, [from]);
    const relu = g.add('Activation', `${id}_relu`, { activation: 'relu' }, [from]);
    const a = g.add('Rescaling', `${id}_elu_part`, { scale: alpha, offset: 0 }, [elu]);
    const b = g.add('Rescaling', `${id}_relu_part`, { scale: 1 - alpha, offset: 0 }, [relu]);
    return g.add('Add', id, {}, [a, b]);
  }
  return g.add('Activation', id, { activation: kind }, [from]);
}

function padded(g: KerasGraph, id: string, pad: readonly number[], padEnd: readonly number[], from: string): string {
  if (pad[0] === 0 && pad[1] === 0 && padEnd[0] === 0 && padEnd[1] === 0) return from;
  const padding = [
    [pad[0], padEnd[0]],
    [pad[1], padEnd[1]],
  ];
  return g.add('ZeroPadding2D', `${id}_pad`, { padding, data_format: 'channels_last' }, [from]);
}

/** TensorFlow's 'same' padding [before, after] along one axis (ConvLab's 'same' is the same rule). */
function tfSame(size: number, window: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + window - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Adds ConvLab layer `layer` reading Keras outputs `inputs`; returns the Keras name of its output. */
export function addLayer(g: KerasGraph, layer: LayerSummary, inputs: readonly string[], weights: NamedArrays): string {
  const id = layer.id;
  const x = inputs[0]!;
  const r = layer.resolved;
  const where = `Layer ${layer.index} (${id})`;
  switch (r.type) {
    case 'input':
      throw new ExportError('The input layer is added by the exporter itself.');
    case 'conv2d': {
      const channels = layer.inputShape[0]!;
      const [kh, kw] = r.kernel;
      const weight = layerArray(weights, id, 'weight', r.filters * (channels / r.groups) * kh * kw);
      const dilated = r.dilation[0] > 1 || r.dilation[1] > 1;
      const strided = r.stride[0] > 1 || r.stride[1] > 1;
      const subsample = dilated && strided;
      const fusedInConfig = r.activation !== null && KERAS_ACTIVATION[r.activation] !== undefined;
      const conv = g.add(
        'Conv2D',
        subsample || (r.activation !== null && !fusedInConfig) ? `${id}_conv` : id,
        {
          filters: r.filters,
          kernel_size: [kh, kw],
          strides: subsample ? [1, 1] : [...r.stride],
          padding: 'valid',
          data_format: 'channels_last',
          dilation_rate: [...r.dilation],
          activation: fusedInConfig && !subsample ? KERAS_ACTIVATION[r.activation!] : 'linear',
          use_bias: r.bias,
        },
        [padded(g, id, r.pad, r.padEnd, x)],
      );
      g.weight(
        conv,
        'kernel',
        [kh, kw, channels, r.filters],
        kerasConvKernel(weight, r.filters, channels, r.groups, kh, kw),
      );
      if (r.bias) g.weight(conv, 'bias', [r.filters], layerArray(weights, id, 'bias', r.filters));
      let out = conv;
      if (subsample) {
        out = g.add(
          'MaxPooling2D',
          r.activation ? `${id}_stride` : id,
          { pool_size: [1, 1], strides: [...r.stride], padding: 'valid', data_format: 'channels_last' },
          [conv],
        );
      }
      if (r.activation && (subsample || !fusedInConfig)) {
        out = addActivation(g, id, r.activation, FUSED_ALPHA[r.activation], out);
      }
      return out;
    }
    case 'maxpool': {
      const [h, w] = [layer.inputShape[1]!, layer.inputShape[2]!];
      const none = r.pad.every((p) => p === 0) && r.padEnd.every((p) => p === 0);
      const sameH = tfSame(h, r.size[0], r.stride[0]);
      const sameW = tfSame(w, r.size[1], r.stride[1]);
      const same =
        sameH[0] === r.pad[0] && sameH[1] === r.padEnd[0] && sameW[0] === r.pad[1] && sameW[1] === r.padEnd[1];
      if (!none && !same) {
        throw new ExportError(
          `${where}: this max pool's padding (${r.pad.join(', ')} before, ${r.padEnd.join(', ')} after) is not ` +
            "Keras's 'same' padding, and a Keras max pool can only skip padding in that form. Use padding 'same' " +
            'or none, or export to ONNX or PyTorch.',
        );
      }
      const config = { pool_size: [...r.size], strides: [...r.stride], data_format: 'channels_last' };
      return g.add('MaxPooling2D', id, { ...config, padding: none ? 'valid' : 'same' }, [x]);
    }
    case 'avgpool': {
      const config = { pool_size: [...r.size], strides: [...r.stride], padding: 'valid', data_format: 'channels_last' };
      return g.add('AveragePooling2D', id, config, [padded(g, id, r.pad, r.padEnd, x)]);
    }
    case 'globalavgpool':
      return g.add('GlobalAveragePooling2D', id, { data_format: 'channels_last' }, [x]);
    case 'flatten': {
      if (layer.inputShape.length !== 3) return g.add('Flatten', id, {}, [x]);
      // [H, W, C] -> [C, H, W] first, so the vector is in ConvLab's order (Keras flattens H, W, C).
      const chw = g.add('Permute', `${id}_to_chw`, { dims: [3, 1, 2] }, [x]);
      return g.add('Flatten', id, {}, [chw]);
    }
    case 'dense': {
      const inputs = layer.inputShape.reduce((a, b) => a * b, 1);
      const weight = layerArray(weights, id, 'weight', r.units * inputs);
      const fusedInConfig = r.activation !== null && KERAS_ACTIVATION[r.activation] !== undefined;
      const dense = g.add(
        'Dense',
        r.activation !== null && !fusedInConfig ? `${id}_dense` : id,
        { units: r.units, activation: fusedInConfig ? KERAS_ACTIVATION[r.activation!] : 'linear', use_bias: r.bias },
        [x],
      );
      g.weight(dense, 'kernel', [inputs, r.units], kerasDenseKernel(weight, r.units, inputs));
      if (r.bias) g.weight(dense, 'bias', [r.units], layerArray(weights, id, 'bias', r.units));
      if (r.activation && !fusedInConfig) return addActivation(g, id, r.activation, FUSED_ALPHA[r.activation], dense);
      return dense;
    }
    case 'activation':
      return addActivation(g, id, r.kind, r.alpha, x);
    case 'dropout':
      return g.add('Dropout', id, { rate: r.rate }, [x]);
    case 'batchnorm': {
      const c = layer.inputShape[0]!;
      const bn = g.add(
        'BatchNormalization',
        id,
        // Keras's momentum weights the old running value: 1 - ConvLab's (PyTorch's) momentum.
        { axis: -1, momentum: 1 - r.momentum, epsilon: r.epsilon, center: true, scale: true },
        [x],
      );
      g.weight(bn, 'gamma', [c], layerArray(weights, id, 'gamma', c));
      g.weight(bn, 'beta', [c], layerArray(weights, id, 'beta', c));
      g.weight(bn, 'moving_mean', [c], layerArray(weights, id, 'runningMean', c));
      g.weight(bn, 'moving_variance', [c], layerArray(weights, id, 'runningVar', c));
      return bn;
    }
    case 'add':
      return g.add('Add', id, {}, [x, inputs[1]!]);
    case 'concat':
      return g.add('Concatenate', id, { axis: -1 }, inputs);
    case 'lrn':
      // TF's radius r sums channels i - r .. i + r: ConvLab's i - floor(n/2) .. i + floor(n/2), even n too.
      return g.add(
        LRN_CLASS_NAME,
        id,
        { depth_radius: Math.floor(r.size / 2), bias: r.k, alpha: r.alpha, beta: r.beta },
        [x],
      );
    case 'softmax':
      return g.add('Activation', id, { activation: 'softmax' }, [x]);
  }
}
