/**
 * Batch norm and dropout as on/off switches of the hyperparameter form. They are layers in the
 * spec, so each switch is a pure edit of the spec: batch norm goes between every convolution and
 * its activation (conv → batchnorm → relu, as in the ResNet and VGG-BN papers), dropout goes
 * before the classifier's dense layers. Switching off removes exactly those layers. Layers a
 * residual `add` or a `concat` refers to by their own id are never removed, so a switch cannot break wiring.
 */
import type { LayerSpec, ModelSpec } from '../../engine/spec';

export type Coverage = 'none' | 'some' | 'all';

const referenced = (spec: ModelSpec): Set<string> =>
  new Set(
    spec.layers.flatMap((l) =>
      [l.input, l.type === 'add' ? l.with : undefined, ...(l.type === 'concat' ? l.inputs : [])].filter(
        (x) => x !== undefined,
      ),
    ),
  );

const withLayers = (spec: ModelSpec, layers: readonly LayerSpec[]): ModelSpec => ({ ...spec, layers });

/** Whether every, some or no convolution is followed by batch norm. */
export function batchNormCoverage(spec: ModelSpec): Coverage {
  const convs = spec.layers.flatMap((l, i) => (l.type === 'conv2d' ? [i] : []));
  const covered = convs.filter((i) => spec.layers[i + 1]?.type === 'batchnorm').length;
  if (convs.length === 0 || covered === 0) return 'none';
  return covered === convs.length ? 'all' : 'some';
}

/**
 * On: every convolution without batch norm becomes conv (no activation) → batchnorm → activation.
 * The conv's own id moves to the last new layer, so whatever read the conv's output still reads
 * the activated values. Off: removes every batchnorm nothing refers to by id.
 */
export function withBatchNorm(spec: ModelSpec, on: boolean): ModelSpec {
  if (!on) {
    const keep = referenced(spec);
    return withLayers(
      spec,
      spec.layers.filter((l) => l.type !== 'batchnorm' || (l.id !== undefined && keep.has(l.id))),
    );
  }
  const layers: LayerSpec[] = [];
  spec.layers.forEach((layer, i) => {
    if (layer.type !== 'conv2d' || spec.layers[i + 1]?.type === 'batchnorm') {
      layers.push(layer);
      return;
    }
    const { activation, id, ...conv } = layer;
    const act = activation;
    layers.push(conv);
    layers.push(act ? { type: 'batchnorm' } : { type: 'batchnorm', ...(id ? { id } : {}) });
    if (act) layers.push({ type: 'activation', kind: act, ...(id ? { id } : {}) });
  });
  return withLayers(spec, layers);
}

/** The drop rate of the first dropout layer, or null when the network has none. */
export function dropoutRate(spec: ModelSpec): number | null {
  const first = spec.layers.find((l) => l.type === 'dropout');
  return first?.type === 'dropout' ? first.rate : null;
}

/**
 * rate = null removes every dropout layer nothing refers to; a rate sets it on the existing
 * dropout layers, or (when there are none) inserts dropout before each dense layer that reads a
 * hidden dense layer, or else before the last dense layer (the lecture's Keras net and AlexNet
 * drop units of the fully connected layers, not pixels of the feature maps).
 */
export function withDropout(spec: ModelSpec, rate: number | null): ModelSpec {
  if (rate === null) {
    const keep = referenced(spec);
    return withLayers(
      spec,
      spec.layers.filter((l) => l.type !== 'dropout' || (l.id !== undefined && keep.has(l.id))),
    );
  }
  if (dropoutRate(spec) !== null) {
    return withLayers(
      spec,
      spec.layers.map((l) => (l.type === 'dropout' ? { ...l, rate } : l)),
    );
  }
  const dense = spec.layers.flatMap((l, i) => (l.type === 'dense' ? [i] : []));
  const afterHidden = dense.filter((i) => spec.layers[i - 1]?.type === 'dense');
  const before = new Set(afterHidden.length > 0 ? afterHidden : dense.slice(-1));
  return withLayers(
    spec,
    spec.layers.flatMap((l, i): LayerSpec[] => (before.has(i) ? [{ type: 'dropout', rate }, l] : [l])),
  );
}
