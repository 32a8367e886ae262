/**
 * The model spec: a plain, JSON-serialisable description of a network.
 *
 * A spec is an ordered list of layers. Each layer reads the output of the layer before it,
 * unless it names another layer in `input` (by that layer's `id`); `add` sums its input with
 * the output named in `with`. Because a layer may only name layers above it, the list is
 * already in topological order, which is all a residual network needs.
 *
 * Shapes are per sample, [channels, height, width]; after `flatten` or `dense` a sample is
 * [features]. The batch dimension never appears in a spec.
 */

/**
 * 'same': output = ceil(size / stride), padded as TensorFlow does (an odd extra pixel goes at the
 * bottom/right). 'valid' means no padding. A number pads every side by that many pixels; a pair is
 * [height, width], each applied on both sides of its axis (PyTorch's order). Numeric and 'valid'
 * padding must make (N - F + 2P) / S + 1 a whole number; see arithmetic.ts.
 */
export type Padding = 'same' | 'valid' | number | readonly [number, number];
/** A size given once for both axes, or as [height, width]. */
export type Size2 = number | readonly [number, number];

export type ActivationKind = 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'elu' | 'softplus';

interface LayerBase {
  /** A name other layers can refer to in `input` or `with`; shown in summaries. */
  readonly id?: string;
  /** Read this layer's input from the layer with this id rather than from the previous layer. */
  readonly input?: string;
  /**
   * false freezes the layer: every optimiser, on every backend, leaves its parameters as they are
   * (transfer learning keeps pretrained features this way). Default true.
   */
  readonly trainable?: boolean;
}

export interface InputLayer extends LayerBase {
  readonly type: 'input';
  /** [channels, height, width] of one sample. */
  readonly shape: readonly [number, number, number];
}

export interface Conv2dLayer extends LayerBase {
  readonly type: 'conv2d';
  readonly filters: number;
  readonly kernel: Size2;
  readonly stride?: Size2; // default 1
  readonly padding?: Padding; // default 'valid'
  readonly dilation?: Size2; // default 1
  readonly groups?: number; // default 1
  readonly bias?: boolean; // default true
  /** Fused activation applied after the bias; same as a following activation layer. */
  readonly activation?: ActivationKind;
}

export interface PoolLayer extends LayerBase {
  readonly type: 'maxpool' | 'avgpool';
  readonly size: Size2;
  readonly stride?: Size2; // default = size
  readonly padding?: Padding; // default 'valid'; avgpool divides by the full window (zeros count)
}

export interface GlobalAvgPoolLayer extends LayerBase {
  readonly type: 'globalavgpool';
}

export interface FlattenLayer extends LayerBase {
  readonly type: 'flatten';
}

export interface DenseLayer extends LayerBase {
  readonly type: 'dense';
  readonly units: number;
  readonly bias?: boolean; // default true
  readonly activation?: ActivationKind;
}

export interface ActivationLayer extends LayerBase {
  readonly type: 'activation';
  readonly kind: ActivationKind;
  /** Slope for x < 0 (leakyRelu, default 0.01) or the ELU alpha (default 1). */
  readonly alpha?: number;
}

export interface DropoutLayer extends LayerBase {
  readonly type: 'dropout';
  /** Probability of dropping a unit during training (inverted dropout: no scaling at eval). */
  readonly rate: number;
}

export interface BatchNormLayer extends LayerBase {
  readonly type: 'batchnorm';
  readonly momentum?: number; // running-average momentum, default 0.1 (PyTorch convention)
  readonly epsilon?: number; // default 1e-5
}

export interface AddLayer extends LayerBase {
  readonly type: 'add';
  /** The id of the layer whose output is added to this layer's input (the shortcut). */
  readonly with: string;
}

export interface SoftmaxLayer extends LayerBase {
  readonly type: 'softmax';
}

/**
 * Channel-wise join of two or more earlier layers' outputs, in the order listed (GoogLeNet's
 * Inception module, DenseNet's dense block). Every input must have the same height and width.
 */
export interface ConcatLayer extends LayerBase {
  readonly type: 'concat';
  /** Ids of the layers joined, two or more, in channel order. */
  readonly inputs: readonly string[];
}

/**
 * AlexNet's local response normalisation across channels, the lecture's formula
 *   b^i = a^i / (k + alpha * sum_{j=max(0,i-n/2)}^{min(N-1,i+n/2)} (a^j)^2)^beta
 * with alpha not divided by n (PyTorch's LocalResponseNorm divides it by n).
 */
export interface LrnLayer extends LayerBase {
  readonly type: 'lrn';
  readonly size?: number; // n, channels in the window, default 5
  readonly k?: number; // default 2
  readonly alpha?: number; // default 1e-4
  readonly beta?: number; // default 0.75
}

export type LayerSpec =
  | InputLayer
  | Conv2dLayer
  | PoolLayer
  | GlobalAvgPoolLayer
  | FlattenLayer
  | DenseLayer
  | ActivationLayer
  | DropoutLayer
  | BatchNormLayer
  | AddLayer
  | ConcatLayer
  | LrnLayer
  | SoftmaxLayer;

export type LayerType = LayerSpec['type'];

export interface ModelSpec {
  readonly name?: string;
  /** layers[0] must be the input layer. */
  readonly layers: readonly LayerSpec[];
}

/** Shape of one sample: [C, H, W] for images and feature maps, [N] for vectors. */
export type SampleShape = readonly number[];

export interface LayerSummary {
  readonly index: number;
  readonly id: string; // the spec's id or a generated one such as "conv2d_3"
  readonly type: LayerType;
  /**
   * Index of the layer(s) this one reads from; empty for the input layer, [source, shortcut] for
   * add, the joined layers in channel order for concat.
   */
  readonly inputs: readonly number[];
  /** The shape this layer reads; for concat, its first input's (outputShape has the join). */
  readonly inputShape: SampleShape;
  readonly outputShape: SampleShape;
  readonly weights: number; // weight parameters (excluding biases)
  readonly biases: number; // bias parameters; for batchnorm both gamma and beta (2·C)
  readonly params: number; // weights + biases
  /** false when the spec freezes the layer ("trainable": false): optimisers leave its params alone. */
  readonly trainable: boolean;
  /** Multiply-accumulates for one sample's forward pass. */
  readonly macs: number;
  /** The resolved hyperparameters a backend needs, e.g. padding in pixels. */
  readonly resolved: ResolvedLayer;
}

export type ResolvedLayer =
  | { readonly type: 'input' }
  | {
      readonly type: 'conv2d';
      readonly filters: number;
      readonly kernel: readonly [number, number];
      readonly stride: readonly [number, number];
      /** Pixels added at [top, left] (and bottom/right: see padEnd). */
      readonly pad: readonly [number, number];
      /** 'same' with an even effective kernel pads one more at the bottom/right, as TensorFlow does. */
      readonly padEnd: readonly [number, number];
      readonly dilation: readonly [number, number];
      readonly groups: number;
      readonly bias: boolean;
      readonly activation: ActivationKind | null;
    }
  | {
      readonly type: 'maxpool' | 'avgpool';
      readonly size: readonly [number, number];
      readonly stride: readonly [number, number];
      readonly pad: readonly [number, number];
      readonly padEnd: readonly [number, number];
    }
  | { readonly type: 'globalavgpool' }
  | { readonly type: 'flatten' }
  | {
      readonly type: 'dense';
      readonly units: number;
      readonly bias: boolean;
      readonly activation: ActivationKind | null;
    }
  | { readonly type: 'activation'; readonly kind: ActivationKind; readonly alpha: number }
  | { readonly type: 'dropout'; readonly rate: number }
  | { readonly type: 'batchnorm'; readonly momentum: number; readonly epsilon: number }
  | { readonly type: 'add' }
  /** Channels are joined in the order of the summary's `inputs`. */
  | { readonly type: 'concat' }
  | { readonly type: 'lrn'; readonly size: number; readonly k: number; readonly alpha: number; readonly beta: number }
  | { readonly type: 'softmax' };

/** The resolved settings of a layer of type T (maxpool and avgpool share one shape). */
export type ResolvedLayerOf<T extends LayerType> = ResolvedLayer & { readonly type: T };

export interface ModelSummary {
  readonly name: string;
  readonly layers: readonly LayerSummary[];
  readonly outputShape: SampleShape;
  readonly totalParams: number;
  /** Params of the layers that are not frozen: what an optimiser updates (totalParams when none is). */
  readonly trainableParams: number;
  readonly totalMacs: number;
}
