/**
 * TensorFlow.js export: `model.json` (Layers format, a functional Keras "Model") and its weights in
 * 4 MiB shards (`group1-shard1of2.bin`, ...), which `tf.loadLayersModel('.../model.json')` loads.
 * A model with LRN also gets `convlab-layers.js`, whose registerConvLabLayers(tf) must run before
 * loading (custom-layers-js.ts); every other model needs no custom layers. The model takes NHWC
 * input (channels last, as Keras does) and gives the logits, plus the softmax when the spec ends
 * in one. See layers.ts for how each layer maps.
 */
import { summarize } from '../../spec/summarize';
import { ExportError } from '../errors';
import { describeInput } from '../input-doc';
import type { Exporter, ExportFile, ExportInput } from '../types';
import { CUSTOM_LAYERS_FILE, CUSTOM_LAYERS_JS, needsCustomLayers } from './custom-layers-js';
import { addLayer, KerasGraph } from './layers';

/** tfjs's own converter writes shards of at most 4 MiB; browsers cache files of that size well. */
const SHARD_BYTES = 4 * 1024 * 1024;

export interface TfjsModelJson {
  readonly format: 'layers-model';
  readonly generatedBy: string;
  readonly convertedBy: null;
  readonly modelTopology: Record<string, unknown>;
  readonly weightsManifest: readonly {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: 'float32' }[];
  }[];
  readonly userDefinedMetadata: {
    readonly convlab: {
      readonly input: string;
      readonly classNames: readonly string[];
      /** Only for models with LRN: the file to load and call before tf.loadLayersModel. */
      readonly customLayers?: string;
    };
  };
}

export function buildTfjsModel(input: ExportInput): { json: TfjsModelJson; weightData: Uint8Array } {
  const summary = summarize(input.spec);
  const layers = summary.layers;
  const g = new KerasGraph();
  const [c, h, w] = layers[0]!.outputShape;
  const inputName = g.add(
    'InputLayer',
    layers[0]!.id,
    { batch_input_shape: [null, h, w, c], dtype: 'float32', sparse: false },
    [],
  );
  // InputLayer's config has no `trainable`; Keras ignores it, but keep the file as tfjs writes it.
  delete g.layers[0]!.config.trainable;
  const kerasName: string[] = [inputName];
  for (const layer of layers.slice(1)) {
    kerasName.push(
      addLayer(
        g,
        layer,
        layer.inputs.map((i) => kerasName[i]!),
        input.weights,
      ),
    );
  }
  const last = layers.length - 1;
  if (last === 0) throw new ExportError('The model has only an input layer: there is nothing to export.');
  const logits = layers[last]!.type === 'softmax' ? last - 1 : last;
  const outputs = logits === last ? [logits] : [logits, last];

  const bytes = g.weights.reduce((n, wt) => n + wt.values.byteLength, 0);
  const weightData = new Uint8Array(bytes);
  let offset = 0;
  for (const wt of g.weights) {
    weightData.set(new Uint8Array(wt.values.buffer, wt.values.byteOffset, wt.values.byteLength), offset);
    offset += wt.values.byteLength;
  }
  const shards = Math.max(1, Math.ceil(bytes / SHARD_BYTES));
  const json: TfjsModelJson = {
    format: 'layers-model',
    generatedBy: 'ConvLab',
    convertedBy: null,
    modelTopology: {
      class_name: 'Model',
      config: {
        name: g.name(input.spec.name ?? 'convlab_model'),
        layers: g.layers,
        input_layers: [[inputName, 0, 0]],
        output_layers: outputs.map((i) => [kerasName[i], 0, 0]),
      },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [
      {
        paths: Array.from({ length: shards }, (_, i) => shardName(i, shards)),
        weights: g.weights.map((wt) => ({ name: wt.name, shape: [...wt.shape], dtype: 'float32' as const })),
      },
    ],
    userDefinedMetadata: {
      convlab: {
        input: describeInput(input, 'NHWC'),
        classNames: input.classNames,
        ...(needsCustomLayers(layers)
          ? {
              customLayers:
                `Call registerConvLabLayers(tf) from ${CUSTOM_LAYERS_FILE} (in this folder) before ` +
                'tf.loadLayersModel: this model uses the custom layer ConvLabLRN.',
            }
          : {}),
      },
    },
  };
  return { json, weightData };
}

function shardName(index: number, count: number): string {
  return `group1-shard${index + 1}of${count}.bin`;
}

export const exportTfjs: Exporter = async (input: ExportInput): Promise<readonly ExportFile[]> => {
  const { json, weightData } = buildTfjsModel(input);
  const paths = json.weightsManifest[0]!.paths;
  const files: ExportFile[] = [{ path: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }];
  paths.forEach((path, i) => {
    files.push({ path, bytes: weightData.slice(i * SHARD_BYTES, Math.min((i + 1) * SHARD_BYTES, weightData.length)) });
  });
  if (json.userDefinedMetadata.convlab.customLayers !== undefined) {
    files.push({ path: CUSTOM_LAYERS_FILE, bytes: new TextEncoder().encode(CUSTOM_LAYERS_JS) });
  }
  return files;
};
