/**
 * One ConvLab layer as PyTorch code: the nn.Module its attribute holds (null for add and concat,
 * which have no state) and the expression forward() assigns to its output variable. Every choice
 * below reproduces ConvLab's CPU engine exactly: 'same' padding puts the odd pixel at the
 * bottom/right (F.pad, since nn.Conv2d pads both sides alike), max pooling pads with -inf and
 * average pooling with zeros that count, a fused leaky ReLU has slope 0.01, batch norm keeps
 * ConvLab's momentum (PyTorch's convention) and epsilon.
 */
import type { ActivationKind, LayerSummary, ResolvedLayer } from '../../spec/types';
import { pyNumber } from './names';

export interface LayerPy {
  /** The right-hand side of `self.<name> = ...`, or null when the layer has no module. */
  readonly module: string | null;
  /** The expression for the layer's output, reading its inputs' variables. */
  readonly output: string;
}

const pair = (p: readonly [number, number]): string => `(${p[0]}, ${p[1]})`;

/** Fused activations always use the default slope/alpha, as ConvLab's conv and dense layers do. */
function fused(kind: ActivationKind | null, x: string): string {
  switch (kind) {
    case null:
      return x;
    case 'relu':
      return `F.relu(${x})`;
    case 'leakyRelu':
      return `F.leaky_relu(${x}, 0.01)`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'elu':
      return `F.elu(${x}, 1.0)`;
    case 'softplus':
      return `F.softplus(${x})`;
  }
}

function activationModule(kind: ActivationKind, alpha: number): string {
  switch (kind) {
    case 'relu':
      return 'nn.ReLU()';
    case 'leakyRelu':
      return `nn.LeakyReLU(${pyNumber(alpha)})`;
    case 'sigmoid':
      return 'nn.Sigmoid()';
    case 'tanh':
      return 'nn.Tanh()';
    case 'elu':
      return `nn.ELU(${pyNumber(alpha)})`;
    case 'softplus':
      return 'nn.Softplus()';
  }
}

/** F.pad's (left, right, top, bottom), or null when the layer adds no padding. */
function padding(r: { pad: readonly [number, number]; padEnd: readonly [number, number] }): string | null {
  const [top, left] = r.pad;
  const [bottom, right] = r.padEnd;
  return top + left + bottom + right === 0 ? null : `(${left}, ${right}, ${top}, ${bottom})`;
}

const symmetric = (r: { pad: readonly [number, number]; padEnd: readonly [number, number] }): boolean =>
  r.pad[0] === r.padEnd[0] && r.pad[1] === r.padEnd[1];

/**
 * `self_name` is the attribute ("self.conv2d_1"); `inputs` are the variables of the layer's inputs
 * in the summary's order ([source, shortcut] for add, channel order for concat).
 */
export function layerPy(layer: LayerSummary, self_name: string, inputs: readonly string[]): LayerPy {
  const r: ResolvedLayer = layer.resolved;
  const x = inputs[0] ?? '';
  const inChannels = layer.inputShape[0] ?? 0;
  const vector = layer.inputShape.length === 1;
  switch (r.type) {
    case 'input':
      throw new Error("layerPy: the input layer is forward()'s argument");
    case 'conv2d': {
      // Symmetric padding goes to nn.Conv2d; TensorFlow-style 'same' with an odd total goes to F.pad.
      // Only the settings that differ from nn.Conv2d's defaults, so the line reads like hand-written code.
      const options = [`kernel_size=${pair(r.kernel)}`];
      if (r.stride[0] !== 1 || r.stride[1] !== 1) options.push(`stride=${pair(r.stride)}`);
      if (symmetric(r) && r.pad[0] + r.pad[1] > 0) options.push(`padding=${pair(r.pad)}`);
      if (r.dilation[0] !== 1 || r.dilation[1] !== 1) options.push(`dilation=${pair(r.dilation)}`);
      if (r.groups !== 1) options.push(`groups=${r.groups}`);
      if (!r.bias) options.push('bias=False');
      const module = `nn.Conv2d(${inChannels}, ${r.filters}, ${options.join(', ')})`;
      const extra = symmetric(r) ? null : padding(r);
      const call = extra ? `${self_name}(F.pad(${x}, ${extra}))` : `${self_name}(${x})`;
      return { module, output: fused(r.activation, call) };
    }
    case 'maxpool':
    case 'avgpool': {
      // Padding is always explicit: ConvLab allows padding wider than half the window, which
      // nn.MaxPool2d refuses. -inf never wins a max; avgpool's zeros count in the mean.
      const cls = r.type === 'maxpool' ? 'nn.MaxPool2d' : 'nn.AvgPool2d';
      const module = `${cls}(kernel_size=${pair(r.size)}, stride=${pair(r.stride)})`;
      const pad = padding(r);
      const fill = r.type === 'maxpool' ? ', value=-math.inf' : '';
      return { module, output: pad ? `${self_name}(F.pad(${x}, ${pad}${fill}))` : `${self_name}(${x})` };
    }
    case 'globalavgpool':
      return { module: 'GlobalAvgPool()', output: `${self_name}(${x})` };
    case 'flatten':
      // NCHW flattened in C, H, W order, as ConvLab's flatten; a vector passes through.
      return { module: 'nn.Flatten()', output: `${self_name}(${x})` };
    case 'dense': {
      const inFeatures = layer.inputShape.reduce((a, b) => a * b, 1);
      const module = `nn.Linear(${inFeatures}, ${r.units}${r.bias ? '' : ', bias=False'})`;
      return { module, output: fused(r.activation, `${self_name}(${x})`) };
    }
    case 'activation':
      return { module: activationModule(r.kind, r.alpha), output: `${self_name}(${x})` };
    case 'dropout':
      return { module: `nn.Dropout(${pyNumber(r.rate)})`, output: `${self_name}(${x})` };
    case 'batchnorm': {
      const cls = vector ? 'nn.BatchNorm1d' : 'nn.BatchNorm2d';
      const module = `${cls}(${inChannels}, eps=${pyNumber(r.epsilon)}, momentum=${pyNumber(r.momentum)})`;
      return { module, output: `${self_name}(${x})` };
    }
    case 'add':
      return { module: null, output: `${inputs[0]} + ${inputs[1]}` };
    case 'concat':
      return { module: null, output: `torch.cat([${inputs.join(', ')}], dim=1)` };
    case 'lrn':
      return {
        module: `LocalResponseNorm(${r.size}, k=${pyNumber(r.k)}, alpha=${pyNumber(r.alpha)}, beta=${pyNumber(r.beta)})`,
        output: `${self_name}(${x})`,
      };
    case 'softmax':
      return { module: null, output: `F.softmax(${x}, dim=1)` };
  }
}
