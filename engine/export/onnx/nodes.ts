/**
 * One ConvLab layer as ONNX nodes (opset 17) and initializers. Tensors are named by layer id (the
 * output of layer "conv1" is the tensor "conv1"), parameters by ConvLab's names ("conv1.weight").
 * ONNX uses NCHW like ConvLab, so weights go in as they are; only LRN needs its constants converted.
 */
import type { NamedArrays } from '../../cpu/weights';
import type { ActivationKind, LayerSummary } from '../../spec/types';
import { ExportError } from '../errors';
import { layerArray } from '../weights';
import { ATTRIBUTE_TYPE, ONNX_FLOAT, ONNX_INT64 } from './onnx-schema';

export interface OnnxAttribute {
  readonly name: string;
  readonly type: number;
  readonly f?: number;
  readonly i?: number;
  readonly ints?: readonly number[];
}

export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  readonly input: readonly string[];
  readonly output: readonly string[];
  readonly attribute: readonly OnnxAttribute[];
}

export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly dataType: number;
  readonly rawData: Uint8Array;
}

export interface LayerNodes {
  readonly nodes: OnnxNode[];
  readonly initializers: OnnxTensor[];
}

const ints = (name: string, values: readonly number[]): OnnxAttribute => ({
  name,
  type: ATTRIBUTE_TYPE.INTS,
  ints: values,
});
const int = (name: string, value: number): OnnxAttribute => ({ name, type: ATTRIBUTE_TYPE.INT, i: value });
const float = (name: string, value: number): OnnxAttribute => ({ name, type: ATTRIBUTE_TYPE.FLOAT, f: value });

function floatTensor(name: string, dims: readonly number[], values: Float32Array): OnnxTensor {
  // Little-endian float32 bytes, as ONNX's raw_data requires (every platform a browser runs on is LE).
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  return { name, dims, dataType: ONNX_FLOAT, rawData: bytes };
}

function int64Tensor(name: string, values: readonly number[]): OnnxTensor {
  const data = new BigInt64Array(values.map((v) => BigInt(v)));
  return { name, dims: [values.length], dataType: ONNX_INT64, rawData: new Uint8Array(data.buffer) };
}

/** The node for an activation `kind` with ConvLab's alpha (leaky slope, ELU alpha). */
export function activationNode(name: string, kind: ActivationKind, alpha: number, from: string, to: string): OnnxNode {
  const base = { name, input: [from], output: [to] };
  switch (kind) {
    case 'relu':
      return { ...base, opType: 'Relu', attribute: [] };
    case 'leakyRelu':
      return { ...base, opType: 'LeakyRelu', attribute: [float('alpha', alpha)] };
    case 'sigmoid':
      return { ...base, opType: 'Sigmoid', attribute: [] };
    case 'tanh':
      return { ...base, opType: 'Tanh', attribute: [] };
    case 'elu':
      return { ...base, opType: 'Elu', attribute: [float('alpha', alpha)] };
    case 'softplus':
      return { ...base, opType: 'Softplus', attribute: [] };
  }
}

/** Fused activations use the default alpha (docs/model-spec.md): 0.01 for leakyRelu, 1 for elu. */
const FUSED_ALPHA: Record<ActivationKind, number> = {
  relu: 0,
  leakyRelu: 0.01,
  sigmoid: 0,
  tanh: 0,
  elu: 1,
  softplus: 0,
};

/**
 * ONNX LRN: square_sum over channels [c - floor((size-1)/2), c + ceil((size-1)/2)] and
 * y = x / (bias + alpha/size · square_sum)^beta. ConvLab sums [c - floor(n/2), c + floor(n/2)] with
 * alpha not divided by n. An odd n gives the same window with size = n; an even n sums n + 1
 * channels, which is ONNX's window for size = n + 1. Either way ONNX's alpha is ConvLab's times size.
 */
export function onnxLrn(n: number, alpha: number): { size: number; alpha: number } {
  const size = n % 2 === 1 ? n : n + 1;
  return { size, alpha: alpha * size };
}

/** Nodes and initializers computing layer `layer` from the tensors named `inputs`. */
export function layerNodes(layer: LayerSummary, inputs: readonly string[], weights: NamedArrays): LayerNodes {
  const id = layer.id;
  const x = inputs[0]!;
  const r = layer.resolved;
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  const node = (opType: string, input: readonly string[], output: string, attribute: OnnxAttribute[] = []): void => {
    nodes.push({ name: output, opType, input, output: [output], attribute });
  };
  switch (r.type) {
    case 'input':
      throw new ExportError('The input layer has no nodes.');
    case 'conv2d':
    case 'dense': {
      const inFeatures = layer.inputShape.reduce((a, b) => a * b, 1);
      const dims =
        r.type === 'conv2d'
          ? [r.filters, layer.inputShape[0]! / r.groups, r.kernel[0], r.kernel[1]]
          : [r.units, inFeatures];
      const size = dims.reduce((a, b) => a * b, 1);
      const out = r.type === 'conv2d' ? r.filters : r.units;
      initializers.push(floatTensor(`${id}.weight`, dims, layerArray(weights, id, 'weight', size)));
      const operands = [x, `${id}.weight`];
      if (r.bias) {
        initializers.push(floatTensor(`${id}.bias`, [out], layerArray(weights, id, 'bias', out)));
        operands.push(`${id}.bias`);
      }
      const linear = r.activation ? `${id}/linear` : id;
      if (r.type === 'conv2d') {
        node('Conv', operands, linear, [
          ints('kernel_shape', r.kernel),
          ints('strides', r.stride),
          ints('pads', [r.pad[0], r.pad[1], r.padEnd[0], r.padEnd[1]]),
          ints('dilations', r.dilation),
          int('group', r.groups),
        ]);
      } else {
        node('Gemm', operands, linear, [int('transB', 1)]);
      }
      if (r.activation) nodes.push(activationNode(id, r.activation, FUSED_ALPHA[r.activation], linear, id));
      break;
    }
    case 'maxpool':
    case 'avgpool': {
      const attributes = [
        ints('kernel_shape', r.size),
        ints('strides', r.stride),
        ints('pads', [r.pad[0], r.pad[1], r.padEnd[0], r.padEnd[1]]),
      ];
      // ConvLab's average divides by the whole window, padding included; its max skips padding, as ONNX's does.
      if (r.type === 'avgpool') attributes.push(int('count_include_pad', 1));
      node(r.type === 'maxpool' ? 'MaxPool' : 'AveragePool', [x], id, attributes);
      break;
    }
    case 'globalavgpool':
      node('GlobalAveragePool', [x], `${id}/pooled`);
      node('Flatten', [`${id}/pooled`], id, [int('axis', 1)]);
      break;
    case 'flatten':
      // NCHW flattened from axis 1 is ConvLab's C, H, W order.
      node('Flatten', [x], id, [int('axis', 1)]);
      break;
    case 'activation':
      nodes.push(activationNode(id, r.kind, r.alpha, x, id));
      break;
    case 'dropout':
      node('Identity', [x], id);
      break;
    case 'batchnorm': {
      const c = layer.inputShape[0]!;
      for (const role of ['gamma', 'beta', 'runningMean', 'runningVar']) {
        initializers.push(floatTensor(`${id}.${role}`, [c], layerArray(weights, id, role, c)));
      }
      node('BatchNormalization', [x, `${id}.gamma`, `${id}.beta`, `${id}.runningMean`, `${id}.runningVar`], id, [
        float('epsilon', r.epsilon),
      ]);
      break;
    }
    case 'add':
      node('Add', [x, inputs[1]!], id);
      break;
    case 'concat':
      node('Concat', inputs, id, [int('axis', 1)]);
      break;
    case 'lrn': {
      const { size, alpha } = onnxLrn(r.size, r.alpha);
      const attributes = [int('size', size), float('alpha', alpha), float('beta', r.beta), float('bias', r.k)];
      if (layer.inputShape.length === 3) {
        node('LRN', [x], id, attributes);
      } else {
        // ONNX's LRN wants [N, C, H, W]: a vector's features become channels of a 1x1 image and back.
        initializers.push(int64Tensor(`${id}/image_shape`, [0, -1, 1, 1]));
        node('Reshape', [x, `${id}/image_shape`], `${id}/image`);
        node('LRN', [`${id}/image`], `${id}/normalised`, attributes);
        node('Flatten', [`${id}/normalised`], id, [int('axis', 1)]);
      }
      break;
    }
    case 'softmax':
      node('Softmax', [x], id, [int('axis', -1)]);
      break;
  }
  return { nodes, initializers };
}
