/**
 * Class activation maps (Zhou et al. 2016) for nets that end in global average pooling and one
 * dense layer: the class score is S_c = sum_k w_ck mean_xy f_k(x, y), so the map
 * M_c(x, y) = sum_k w_ck f_k(x, y) says where in the last feature maps the score comes from
 * (its mean over positions, plus the bias, is exactly S_c).
 */
import { createCpuModel, loadWeights } from '../cpu/model';
import { summarize } from '../spec/summarize';
import type { LayerSummary, ModelSpec, ModelSummary } from '../spec/types';
import { tensor } from '../tensor/tensor';
import { ProbeError } from './probe';

export interface CamLayout {
  /** The layer whose feature maps the map is drawn on (the input of global average pooling). */
  readonly featureLayer: number;
  readonly denseLayer: number;
}

export interface ClassActivationMap {
  readonly map: Float32Array;
  readonly height: number;
  readonly width: number;
  /** The feature layer's id, for captions. */
  readonly layerId: string;
  /** The class score the map explains (the logit). */
  readonly score: number;
}

/** Where the CAM reads from, or a ProbeError saying why this net has no CAM. */
export function camLayout(summary: ModelSummary): CamLayout {
  const layers = summary.layers;
  let last = layers.length - 1;
  if (layers[last]!.type === 'softmax') last--;
  const dense = layers[last]!;
  const notGap = new ProbeError(
    'Class activation maps need a net that ends in global average pooling followed by one dense layer.',
  );
  if (dense.type !== 'dense') throw notGap;
  let source: LayerSummary = layers[dense.inputs[0]!]!;
  while (source.type === 'flatten' || source.type === 'dropout') source = layers[source.inputs[0]!]!;
  if (source.type !== 'globalavgpool') throw notGap;
  return { featureLayer: source.inputs[0]!, denseLayer: last };
}

export function classActivationMap(
  spec: ModelSpec,
  weights: Readonly<Record<string, ArrayLike<number>>>,
  image: Float32Array,
  classIndex: number,
): ClassActivationMap {
  const summary = summarize(spec);
  const { featureLayer, denseLayer } = camLayout(summary);
  const model = createCpuModel(spec, { seed: 0 });
  loadWeights(model, weights);
  const units = summary.layers[denseLayer]!.outputShape[0]!;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= units) {
    throw new ProbeError(`There is no class ${classIndex}: pick one from 0 to ${units - 1}.`);
  }
  const outputs = model.forward(tensor([1, ...summary.layers[0]!.outputShape], image), { training: false });
  const features = outputs[featureLayer]!;
  const [, channels = 1, height = 1, width = 1] = features.shape;
  const w = model.params.find((p) => p.layer === denseLayer && p.role === 'weight')!.value;
  const plane = height * width;
  const map = new Float32Array(plane);
  for (let k = 0; k < channels; k++) {
    const wk = w[classIndex * channels + k]!;
    for (let i = 0; i < plane; i++) map[i]! += wk * features.data[k * plane + i]!;
  }
  return {
    map,
    height,
    width,
    layerId: summary.layers[featureLayer]!.id,
    score: outputs[denseLayer]!.data[classIndex]!,
  };
}
