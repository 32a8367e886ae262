/**
 * ONNX export: `model.onnx`, opset 17 (IR version 8), the model in inference form. Batch norm uses
 * the running statistics, dropout is an identity, and the graph's outputs are the logits (the
 * tensor named by the logits layer's id) plus the softmax when the spec ends in one, exactly what
 * ConvLab's forward returns. protobufjs's Writer encodes the ModelProto (encode.ts), with the field
 * numbers of onnx-schema.ts.
 */
import { summarize } from '../../spec/summarize';
import type { SampleShape } from '../../spec/types';
import { ExportError } from '../errors';
import { describeInput } from '../input-doc';
import type { Exporter, ExportFile, ExportInput } from '../types';
import { encodeOnnxModel } from './encode';
import { layerNodes, type OnnxNode, type OnnxTensor } from './nodes';
import { ONNX_FLOAT } from './onnx-schema';

export { encodeOnnxModel } from './encode';

export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;

/** The plain-object ModelProto, before encoding (tests read it to check the graph's structure). */
export interface OnnxModel {
  readonly irVersion: number;
  readonly producerName: string;
  readonly docString: string;
  readonly opsetImport: readonly { domain: string; version: number }[];
  readonly graph: {
    readonly name: string;
    readonly docString: string;
    readonly node: readonly OnnxNode[];
    readonly initializer: readonly OnnxTensor[];
    readonly input: readonly OnnxValueInfo[];
    readonly output: readonly OnnxValueInfo[];
  };
}

/** A graph input or output: a float tensor whose first dimension is the symbolic batch. */
export interface OnnxValueInfo {
  readonly name: string;
  readonly elemType: number;
  /** A number is a fixed size; a string names a symbolic one. */
  readonly dims: readonly (number | string)[];
}

function valueInfo(name: string, shape: SampleShape): OnnxValueInfo {
  return { name, elemType: ONNX_FLOAT, dims: ['batch', ...shape] };
}

export function buildOnnxModel(input: ExportInput): OnnxModel {
  const summary = summarize(input.spec);
  const layers = summary.layers;
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  for (const layer of layers.slice(1)) {
    const made = layerNodes(
      layer,
      layer.inputs.map((i) => layers[i]!.id),
      input.weights,
    );
    nodes.push(...made.nodes);
    initializers.push(...made.initializers);
  }
  const last = layers[layers.length - 1]!;
  if (last.type === 'input') throw new ExportError('The model has only an input layer: there is nothing to export.');
  const logits = last.type === 'softmax' ? layers[layers.length - 2]! : last;
  const outputs = logits === last ? [logits] : [logits, last];
  const doc = describeInput(input, 'NCHW');
  return {
    irVersion: ONNX_IR_VERSION,
    producerName: 'ConvLab',
    docString: doc,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    graph: {
      name: input.spec.name ?? 'convlab-model',
      docString: doc,
      node: nodes,
      initializer: initializers,
      input: [valueInfo(layers[0]!.id, layers[0]!.outputShape)],
      output: outputs.map((l) => valueInfo(l.id, l.outputShape)),
    },
  };
}

export const exportOnnx: Exporter = async (input: ExportInput): Promise<readonly ExportFile[]> => {
  return [{ path: 'model.onnx', bytes: encodeOnnxModel(buildOnnxModel(input)) }];
};
