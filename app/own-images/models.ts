/**
 * The nets a set of your own images trains: from scratch, or a new head on the conv layers of a
 * net trained on MNIST or CIFAR-10, those layers frozen (transfer learning).
 *
 * Why transfer is the default for 20-50 images a class: a conv net learning its filters from a few
 * hundred images has tens of thousands of weights to fit from them and memorises the set (the
 * transfer-learning lesson measures this on digits). Frozen filters learned from tens of thousands
 * of images already detect edges, strokes and textures; only the last layer, a few thousand
 * weights, has to be learned from your images, which is what a few dozen a class can support.
 */
import { summarize } from '../../engine/spec';
import type { LayerSpec, ModelSpec } from '../../engine/spec/types';
import type { InputShape } from './inputs';

export const HEAD_ID = 'own_head';

/** A small colour conv net for 32x32 images, trained from nothing. */
export function scratchSpec(classes: number): ModelSpec {
  return {
    name: 'Your images: small conv net from scratch',
    layers: [
      { type: 'input', shape: [3, 32, 32] },
      { type: 'conv2d', id: 'conv1', filters: 16, kernel: 5, padding: 2, activation: 'relu' },
      { type: 'maxpool', id: 'pool1', size: 2 },
      { type: 'conv2d', id: 'conv2', filters: 32, kernel: 5, padding: 2, activation: 'relu' },
      { type: 'maxpool', id: 'pool2', size: 2 },
      { type: 'flatten', id: 'flatten' },
      { type: 'dense', id: HEAD_ID, units: classes },
    ],
  };
}

/** The MNIST base pretrained here (the transfer-learning lesson's trunk, all ten digits). */
export function mnistBaseSpec(): ModelSpec {
  return {
    name: 'MNIST base',
    layers: [
      { type: 'input', shape: [1, 28, 28] },
      { type: 'conv2d', id: 'conv1', filters: 16, kernel: 5, activation: 'relu' },
      { type: 'maxpool', id: 'pool1', size: 2 },
      { type: 'conv2d', id: 'conv2', filters: 32, kernel: 5, activation: 'relu' },
      { type: 'maxpool', id: 'pool2', size: 2 },
      { type: 'flatten', id: 'flatten' },
      { type: 'dense', id: 'mnist_head', units: 10 },
    ],
  };
}

export interface TransferNet {
  readonly spec: ModelSpec;
  /** The layers whose weights come from the base (and stay frozen). */
  readonly trunk: readonly string[];
  readonly shape: InputShape;
}

const HEAD_TYPES = new Set<LayerSpec['type']>(['dense', 'softmax', 'dropout']);

/**
 * `base`'s layers up to its first dense layer, each given its summary id and frozen, then a
 * flatten (if the trunk ends in feature maps) and a new dense head for `classes`.
 */
export function transferSpec(base: ModelSpec, classes: number): TransferNet {
  const summary = summarize(base);
  const input = summary.layers[0]!.outputShape;
  if (input.length !== 3 || !(input[0] === 1 || input[0] === 3)) {
    throw new Error(`A base net must take images (1 or 3 channels); this one takes ${input.join('×')}.`);
  }
  const firstHead = base.layers.findIndex((l, i) => i > 0 && HEAD_TYPES.has(l.type));
  const end = firstHead < 0 ? base.layers.length : firstHead;
  const trunkLayers = base.layers.slice(0, end).map((layer, i): LayerSpec => {
    const id = summary.layers[i]!.id;
    return i === 0 ? { ...layer, id } : ({ ...layer, id, trainable: false } as LayerSpec);
  });
  const last = summary.layers[end - 1]!;
  const flat = last.outputShape.length === 1;
  const layers: LayerSpec[] = [...trunkLayers];
  if (!flat) layers.push({ type: 'flatten', id: 'own_flatten' });
  layers.push({ type: 'dense', id: HEAD_ID, units: classes });
  return {
    spec: { name: `Your images on ${base.name ?? 'a trained net'}`, layers },
    trunk: trunkLayers.slice(1).map((l) => l.id!),
    shape: [input[0] as 1 | 3, input[1]!, input[2]!],
  };
}
