/**
 * ONNX export against ConvLab's CPU forward: every MNIST and CIFAR-10 preset, random weights with
 * non-identity batch-norm statistics, run by ONNX Runtime (onnxruntime-web's wasm backend in Node)
 * on 100 real test images, must give the same logits within 1e-4 (absolute, every value).
 */
import * as ort from 'onnxruntime-web';
import { Root } from 'protobufjs/light';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { ExportError } from '../../engine/export/errors';
import { buildOnnxModel, encodeOnnxModel, exportOnnx } from '../../engine/export/onnx';
import { onnxLrn } from '../../engine/export/onnx/nodes';
import { ONNX_SCHEMA } from '../../engine/export/onnx/onnx-schema';
import { getPreset } from '../../engine/spec/presets';
import type { ModelSpec } from '../../engine/spec/types';
import {
  EVERY_LAYER_STEM,
  everyLayerCase,
  expectOutputsMatch,
  exportCase,
  IMAGE_COUNT,
  maxAbsDifference,
  RUNNABLE_PRESETS,
} from './export-fixture';

const TOLERANCE = 1e-4;

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

async function runOnnx(bytes: Uint8Array, inputName: string, data: Float32Array, shape: readonly number[]) {
  const session = await ort.InferenceSession.create(bytes);
  const result = await session.run({ [inputName]: new ort.Tensor('float32', data, [...shape]) });
  await session.release();
  return result;
}

// The big presets take most of a minute on a loaded 2-core machine: a limit for hangs only.
describe('exportOnnx on every MNIST and CIFAR-10 preset', { timeout: 240_000 }, () => {
  for (const key of RUNNABLE_PRESETS) {
    it(`${key}: ONNX Runtime gives ConvLab's logits within ${TOLERANCE} on ${IMAGE_COUNT} test images`, async () => {
      const c = exportCase(key);
      const files = await exportOnnx(c.input);
      expect(files.map((f) => f.path)).toEqual(['model.onnx']);
      const model = buildOnnxModel(c.input);
      const inputName = model.graph.input.length === 1 ? model.graph.input[0]!.name : '';
      const outputs = await runOnnx(files[0]!.bytes, inputName, c.images, [IMAGE_COUNT, ...c.shape]);
      const logitsName = model.graph.output[0]!.name;
      const logits = outputs[logitsName]!;
      expect(logits.dims).toEqual([IMAGE_COUNT, c.classes]);
      const softmax = c.probabilities ? outputs[model.graph.output[1]!.name] : undefined;
      expectOutputsMatch(
        { logits: logits.data as Float32Array, probabilities: softmax?.data as Float32Array | undefined },
        c,
        TOLERANCE,
      );
      // The logits vary between images (a constant output would match nothing above by chance, but say so).
      expect(
        maxAbsDifference(c.logits.subarray(0, c.classes), c.logits.subarray(c.classes, 2 * c.classes)),
      ).toBeGreaterThan(1e-3);
    });
  }
});

/** A small net using every layer type and option the presets leave out, checked the same way on random input. */
const EVERY_LAYER: ModelSpec = {
  layers: [
    ...EVERY_LAYER_STEM,
    { type: 'conv2d', id: 'strided', filters: 6, kernel: 3, stride: 2, padding: [1, 0], activation: 'elu' },
    { type: 'activation', kind: 'elu', alpha: 0.7, id: 'elu07' },
    { type: 'lrn', size: 4, k: 1.5, alpha: 0.3, beta: 0.6 },
    { type: 'maxpool', size: 3, stride: 1, padding: 1, id: 'mp' },
    { type: 'avgpool', size: [3, 2], stride: 2, padding: 1, id: 'ap' },
    { type: 'conv2d', filters: 6, kernel: 1, bias: false, activation: 'softplus', id: 'pw' },
    { type: 'add', with: 'ap', id: 'sum' },
    { type: 'activation', kind: 'sigmoid', id: 'sig' },
    { type: 'concat', inputs: ['sum', 'sig'], id: 'joined' },
    { type: 'globalavgpool', id: 'gap' },
    { type: 'flatten', input: 'joined', id: 'flat' },
    { type: 'dense', units: 8, activation: 'tanh', id: 'fc1' },
    { type: 'batchnorm', id: 'bn_vec' },
    { type: 'lrn', size: 3, id: 'lrn_vec' },
    { type: 'dropout', rate: 0.5 },
    { type: 'concat', inputs: ['lrn_vec', 'gap'], id: 'both' },
    { type: 'dense', units: 5, id: 'logits' },
    { type: 'softmax', id: 'probs' },
  ],
};

describe('exportOnnx on every layer type', () => {
  it('grouped/dilated/padded conv, pools with padding, add, concat, lrn (odd and even n), bn, activations with alphas, softmax', async () => {
    const c = everyLayerCase(EVERY_LAYER);
    const [file] = await exportOnnx(c.input);
    const out = await runOnnx(file!.bytes, 'input_1', c.x, [c.batch, 4, 9, 9]);
    expectOutputsMatch(
      { logits: out.logits!.data as Float32Array, probabilities: out.probs!.data as Float32Array },
      c,
      TOLERANCE,
    );
  });

  it("the Writer-built bytes decode by protobufjs's reflection of onnx-schema.ts to the same model", () => {
    const c = exportCase('lecture-mnist');
    const model = buildOnnxModel(c.input);
    const type = Root.fromJSON(ONNX_SCHEMA).lookupType('onnx.ModelProto');
    const decoded = type.toObject(type.decode(encodeOnnxModel(model)), { longs: Number }) as {
      irVersion: number;
      opsetImport: { version: number }[];
      graph: Record<string, unknown[]>;
    };
    expect(decoded.irVersion).toBe(8);
    expect(decoded.opsetImport[0]!.version).toBe(17);
    const nodes = decoded.graph.node as { opType: string; attribute?: { name: string; ints?: number[] }[] }[];
    expect(nodes.map((n) => n.opType)).toEqual(model.graph.node.map((n) => n.opType));
    expect(nodes[0]!.attribute!.find((a) => a.name === 'kernel_shape')!.ints).toEqual([5, 5]);
    const weights = decoded.graph.initializer as { name: string; dims: number[]; rawData: Uint8Array }[];
    expect(weights[0]!.name).toBe('conv2d_1.weight');
    expect(weights[0]!.dims).toEqual([10, 1, 5, 5]);
    expect(new Float32Array(new Uint8Array(weights[0]!.rawData).buffer)).toEqual(c.input.weights['conv2d_1.weight']);
  });

  it("onnxLrn converts ConvLab's alpha (not divided by n) and even windows", () => {
    expect(onnxLrn(5, 1e-4)).toEqual({ size: 5, alpha: 5e-4 });
    expect(onnxLrn(4, 0.3)).toEqual({ size: 5, alpha: 0.3 * 5 });
  });

  it('refuses weights that do not match the spec, naming the array', async () => {
    const spec: ModelSpec = {
      layers: [{ type: 'input', shape: [1, 4, 4] }, { type: 'flatten' }, { type: 'dense', units: 2 }],
    };
    const weights = { 'dense_1.weight': new Float32Array(31), 'dense_1.bias': new Float32Array(2) };
    const error = await exportOnnx({ spec, weights, dataset: null, classNames: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as Error).message).toContain('"dense_1.weight" has 31 values');
  });
});

/**
 * The ImageNet reference networks have no test set here, and AlexNet, ZFNet and VGG (61-144 M
 * parameters) would need gigabytes to export in a unit test. ResNet-18 (residual adds, projection
 * shortcuts) and GoogLeNet (Inception concats, 'same' pools) run on one random 224x224 image
 * instead: one ONNX node per layer of each kind, and ONNX Runtime's 1000 logits equal to ConvLab's
 * within 1e-4 (DenseNet-121's dense blocks are the same ops as mini-densenet-cifar10's, tested above).
 */
describe('exportOnnx on ImageNet reference networks', () => {
  for (const key of ['resnet18', 'googlenet']) {
    it(`${key}: one node per layer kind and ConvLab's logits on a random image`, async () => {
      // Random running statistics would blow 100 layers' activations up to 1e27; instead one
      // training-mode forward with momentum 1 makes them this image's own (non-trivial) statistics.
      const { spec: preset } = getPreset(key);
      const spec: ModelSpec = {
        layers: preset.layers.map((l) => (l.type === 'batchnorm' ? { ...l, momentum: 1 } : l)),
      };
      const model = createCpuModel(spec, { seed: 5 });
      const shape = [1, ...(spec.layers[0] as { shape: readonly number[] }).shape];
      const x = new Float32Array(shape.reduce((a, b) => a * b, 1)).map((_, i) => (Math.sin(i * 0.01) + 1) / 2);
      model.forward({ shape, data: x }, { training: true });
      const weights = getWeights(model);
      const reference = model.forward({ shape, data: x }, { training: false })[model.logitsLayer]!.data;
      const input = { spec, weights, dataset: null, classNames: [] };
      const graph = buildOnnxModel(input).graph;
      const count = (op: string): number => graph.node.filter((n) => n.opType === op).length;
      const layers = (type: string): number => spec.layers.filter((l) => l.type === type).length;
      expect(count('Conv')).toBe(layers('conv2d'));
      expect(count('BatchNormalization')).toBe(layers('batchnorm'));
      expect(count('Concat')).toBe(layers('concat'));
      expect(count('Add')).toBe(layers('add'));
      expect(count('Gemm')).toBe(layers('dense'));
      const [file] = await exportOnnx(input);
      const out = await runOnnx(file!.bytes, graph.input[0]!.name, x, shape);
      const logits = out[graph.output[0]!.name]!;
      expect(logits.dims).toEqual([1, 1000]);
      expect(maxAbsDifference(reference, new Float32Array(1000))).toBeGreaterThan(0.01);
      expect(maxAbsDifference(logits.data as Float32Array, reference)).toBeLessThan(TOLERANCE);
    });
  }
});
