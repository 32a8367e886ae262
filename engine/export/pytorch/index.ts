/**
 * The PyTorch exporter: model.py (the spec as an nn.Module), weights.safetensors (ConvLab's names,
 * float32), spec.json, data.py, predict.py, train.py and README.txt. Pure: text and bytes only, so
 * it runs in the CLI and in the browser alike.
 */
import { summarize } from '../../spec/summarize';
import type { ModelSummary } from '../../spec/types';
import type { Exporter, ExportFile, ExportInput } from '../types';
import { layerArray } from '../weights';
import { dataPy } from './data-py';
import { modelPy } from './model-py';
import { PREDICT_PY } from './predict-py';
import { readmeTxt } from './readme-txt';
import { type NamedTensor, writeSafetensors } from './safetensors';
import { TRAIN_PY } from './train-py';

/** The dataset the scripts default to: the one given, else the one whose images the input matches. */
function datasetOf(input: ExportInput, inputShape: readonly number[]): 'mnist' | 'cifar10' | null {
  if (input.dataset) return input.dataset;
  const shape = inputShape.join('x');
  return shape === '1x28x28' ? 'mnist' : shape === '3x32x32' ? 'cifar10' : null;
}

/**
 * Every param and buffer the model needs, in ConvLab's order with ConvLab's shapes; a missing or
 * wrongly sized array is an ExportError naming it (layerArray).
 */
function tensorsOf(input: ExportInput, summary: ModelSummary): NamedTensor[] {
  const out: NamedTensor[] = [];
  const take = (layerId: string, role: string, shape: number[]): void => {
    const size = shape.reduce((a, b) => a * b, 1);
    out.push({ name: `${layerId}.${role}`, shape, values: layerArray(input.weights, layerId, role, size) });
  };
  for (const layer of summary.layers) {
    const r = layer.resolved;
    const channels = layer.inputShape[0]!;
    if (r.type === 'conv2d') {
      take(layer.id, 'weight', [r.filters, channels / r.groups, r.kernel[0], r.kernel[1]]);
      if (r.bias) take(layer.id, 'bias', [r.filters]);
    } else if (r.type === 'dense') {
      take(layer.id, 'weight', [r.units, layer.inputShape.reduce((a, b) => a * b, 1)]);
      if (r.bias) take(layer.id, 'bias', [r.units]);
    } else if (r.type === 'batchnorm') {
      for (const role of ['gamma', 'beta', 'runningMean', 'runningVar']) take(layer.id, role, [channels]);
    }
  }
  return out;
}

export const exportPytorch: Exporter = async (input: ExportInput): Promise<readonly ExportFile[]> => {
  const summary = summarize(input.spec);
  const dataset = datasetOf(input, summary.layers[0]!.outputShape);
  const title = input.spec.name ?? summary.name;
  const text = (path: string, content: string): ExportFile => ({ path, bytes: new TextEncoder().encode(content) });
  return [
    text('model.py', modelPy(input.spec, summary)),
    {
      path: 'weights.safetensors',
      bytes: writeSafetensors(tensorsOf(input, summary), {
        format: 'convlab',
        classes: JSON.stringify(input.classNames),
      }),
    },
    text('spec.json', `${JSON.stringify(input.spec, null, 2)}\n`),
    text('data.py', dataPy(dataset)),
    text('predict.py', PREDICT_PY),
    text('train.py', TRAIN_PY),
    text('README.txt', readmeTxt(title, dataset)),
  ];
};
