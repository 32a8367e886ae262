/**
 * model.py for a spec: RUNTIME_PY, then the spec's network as one nn.Module. Each ConvLab layer
 * with state is one attribute named after its id; forward() gives each layer's output a local
 * variable of the same name, so the graph (shortcuts, concats) reads as the spec does. The table
 * CONVLAB_WEIGHTS maps ConvLab's weight names 1:1 onto the module's state_dict keys.
 */
import type { LayerSummary, ModelSpec, ModelSummary } from '../../spec/types';
import { layerPy } from './layers-py';
import { pyString, pythonNames } from './names';
import { RUNTIME_PY } from './runtime-py';

/** [ConvLab name, state_dict key] for every param and buffer of the model, in ConvLab's order. */
export function weightTable(summary: ModelSummary, names: readonly string[]): [string, string][] {
  const rows: [string, string][] = [];
  for (const layer of summary.layers) {
    const attr = names[layer.index]!;
    const r = layer.resolved;
    if (r.type === 'conv2d' || r.type === 'dense') {
      rows.push([`${layer.id}.weight`, `${attr}.weight`]);
      if (r.bias) rows.push([`${layer.id}.bias`, `${attr}.bias`]);
    } else if (r.type === 'batchnorm') {
      rows.push([`${layer.id}.gamma`, `${attr}.weight`], [`${layer.id}.beta`, `${attr}.bias`]);
      rows.push([`${layer.id}.runningMean`, `${attr}.running_mean`], [`${layer.id}.runningVar`, `${attr}.running_var`]);
    }
  }
  return rows;
}

/**
 * Ids of layers with parameters that the logits do not depend on (a branch that ends nowhere):
 * they get no gradient, which DistributedDataParallel must be told (find_unused_parameters).
 */
export function deadEnds(summary: ModelSummary): string[] {
  const count = summary.layers.length;
  const logitsIndex = summary.layers[count - 1]!.type === 'softmax' ? count - 2 : count - 1;
  const needed = new Set<number>([logitsIndex]);
  for (let i = logitsIndex; i >= 0; i--) {
    if (needed.has(i)) for (const j of summary.layers[i]!.inputs) needed.add(j);
  }
  return summary.layers.filter((l) => l.params > 0 && !needed.has(l.index)).map((l) => l.id);
}

const comment = (layer: LayerSummary): string => `  # ${JSON.stringify(layer.id)}`;
/** forward() names the id only where the variable's name differs from it; the attribute always does. */
const renamed = (layer: LayerSummary, name: string): string => (name === layer.id ? '' : comment(layer));

function initLines(summary: ModelSummary, names: readonly string[]): string[] {
  const lines: string[] = [];
  for (const layer of summary.layers.slice(1)) {
    const name = names[layer.index]!;
    const { module } = layerPy(layer, `self.${name}`, []);
    if (module === null) continue;
    lines.push(`        self.${name} = ${module}${comment(layer)}`);
    if (!layer.trainable && layer.params > 0) {
      lines.push(`        self.${name}.requires_grad_(False)  # "trainable": false in the spec`);
    }
  }
  return lines;
}

/** The constructor's body; "pass" for a network without any module (a spec of adds and softmax only). */
function initBody(summary: ModelSummary, names: readonly string[]): string {
  const lines = initLines(summary, names);
  return (lines.length > 0 ? lines : ['        pass']).join('\n');
}

function forwardLines(summary: ModelSummary, names: readonly string[]): string[] {
  const count = summary.layers.length;
  const last = summary.layers[count - 1]!;
  // ConvLab's logits: the last layer, or the one before a final softmax (the loss applies softmax).
  const logitsIndex = last.type === 'softmax' ? count - 2 : count - 1;
  const lines = [`        ${names[0]} = x${renamed(summary.layers[0]!, names[0]!)}`];
  for (const layer of summary.layers.slice(1)) {
    const name = names[layer.index]!;
    const inputs = layer.inputs.map((i) => names[i]!);
    lines.push(`        ${name} = ${layerPy(layer, `self.${name}`, inputs).output}${renamed(layer, name)}`);
    if (layer.index === logitsIndex && logitsIndex !== count - 1) {
      lines.push('        if return_logits:', `            return ${name}`);
    }
  }
  lines.push(`        return ${names[count - 1]}`);
  return lines;
}

export function modelPy(spec: ModelSpec, summary: ModelSummary): string {
  const names = pythonNames(summary.layers.map((l) => l.id));
  const table = weightTable(summary, names);
  const inputShape = summary.layers[0]!.outputShape;
  const endsInSoftmax = summary.layers[summary.layers.length - 1]!.type === 'softmax';
  const title = spec.name ?? summary.name;
  return `"""${pyString(title).slice(1, -1).replace(/"""/g, '\\"\\"\\"')}: exported from ConvLab (spec.json beside this file).

Inputs are [N, ${inputShape.join(', ')}] floats in [0, 1] (pixel value / 255, nothing else), as in ConvLab.
Load the exported weights with model.load_convlab_weights("weights.safetensors"); their names are
ConvLab's (CONVLAB_WEIGHTS maps them onto this module's state_dict).
"""
${RUNTIME_PY}

INPUT_SHAPE = (${inputShape.join(', ')})

# Layers with parameters that the logits do not depend on (train.py tells DDP about them).
DEAD_ENDS = [${deadEnds(summary).map(pyString).join(', ')}]

# ConvLab's weight name -> this module's state_dict key.
CONVLAB_WEIGHTS = {
${table.map(([convlab, key]) => `    ${pyString(convlab)}: ${pyString(key)},`).join('\n')}
}


class ConvLabModel(nn.Module):
    def __init__(self):
        super().__init__()
${initBody(summary, names)}

    def forward(self, x, return_logits=False):
        """x: [N, ${inputShape.join(', ')}]. Returns ConvLab's model output${endsInSoftmax ? ' (the softmax; the logits before it with return_logits=True, which is what the loss takes)' : ', the logits (return_logits changes nothing: there is no final softmax)'}."""
${forwardLines(summary, names).join('\n')}

    def convlab_tensors(self):
        """This module's params and buffers by ConvLab's names."""
        own = {**dict(self.named_parameters()), **dict(self.named_buffers())}
        return {convlab: own[key] for convlab, key in CONVLAB_WEIGHTS.items()}

    def load_convlab_weights(self, path):
        """Loads a weights file with ConvLab's names (every one must be there, with its shape)."""
        arrays = read_safetensors(path)
        for convlab, tensor in self.convlab_tensors().items():
            if convlab not in arrays:
                raise ValueError(f"{path} has no values for {convlab}")
            if tuple(arrays[convlab].shape) != tuple(tensor.shape):
                raise ValueError(f"{path}: {convlab} is {list(arrays[convlab].shape)}, the model needs {list(tensor.shape)}")
            with torch.no_grad():
                tensor.copy_(torch.from_numpy(arrays[convlab].copy()))
        return self

    def save_convlab_weights(self, path):
        """Writes every param and buffer under ConvLab's names, in the format load_convlab_weights reads."""
        arrays = {convlab: t.detach().cpu().numpy() for convlab, t in self.convlab_tensors().items()}
        write_safetensors(path, arrays, {"format": "convlab"})
`;
}
