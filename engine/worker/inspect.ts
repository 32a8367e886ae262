/**
 * The worker's answers to 'inspect' requests: what a trained model has learned, read through the
 * input gradient (engine/inspect). Every query runs on the CPU engine over a copy of the current
 * weights (read back from the GPU when the model lives there), so it never disturbs training and
 * gives the same numbers on either backend.
 */
import { Ascent, type AscentOptions } from '../inspect/ascent';
import { classActivationMap } from '../inspect/cam';
import { layerCodes } from '../inspect/codes';
import { fgsm } from '../inspect/fgsm';
import { createProbe, type ProbeTarget } from '../inspect/probe';
import { saliency } from '../inspect/saliency';
import { type TopImages, topImages } from '../inspect/top-images';
import type { ModelSpec } from '../spec/types';

/** The image a query looks at: a validation sample by index, or pixels the page sends. */
export type InspectImage = { readonly sample: number } | { readonly pixels: Float32Array };

/** At most this many images per 'codes' request: with their pixels, about 6 MB to send back. */
export const MAX_CODE_IMAGES = 2000;

/** At most this many ascent steps per request: the page asks again to go on, so the worker stays responsive. */
export const MAX_ASCENT_STEPS = 200;

export type InspectQuery =
  /** |dS_c/dI| for class `classIndex`, or for the predicted class when null. */
  | { readonly kind: 'saliency'; readonly image: InspectImage; readonly classIndex: number | null }
  /** The class activation map of `classIndex` (the predicted class when null); GAP nets only. */
  | { readonly kind: 'cam'; readonly image: InspectImage; readonly classIndex: number | null }
  /** One fast-gradient-sign step of size epsilon against the true `label`. */
  | { readonly kind: 'fgsm'; readonly image: InspectImage; readonly label: number; readonly epsilon: number }
  /** Layer `layer`'s output (an index in the summary) for the first `count` validation images. */
  | { readonly kind: 'codes'; readonly layer: number; readonly count: number }
  /** `steps` steps of activation maximisation from `start` (a grey image when null). */
  | {
      readonly kind: 'ascent';
      readonly target: ProbeTarget;
      readonly options: AscentOptions;
      readonly steps: number;
      readonly start: Float32Array | null;
    }
  /** The `count` validation images (of the first `maxImages`) whose unit `unit` of layer `layer` is largest. */
  | {
      readonly kind: 'top-images';
      readonly layer: number;
      readonly unit: number;
      readonly count: number;
      readonly maxImages: number;
    };

export type InspectResult =
  | {
      readonly kind: 'saliency' | 'cam';
      readonly map: Float32Array;
      readonly height: number;
      readonly width: number;
      readonly classIndex: number;
      readonly score: number;
      readonly probabilities: Float32Array;
      /** For a CAM, the feature layer it is drawn on; null for saliency. */
      readonly layerId: string | null;
    }
  | {
      readonly kind: 'fgsm';
      readonly image: Float32Array;
      readonly perturbation: Float32Array;
      readonly lossBefore: number;
      readonly lossAfter: number;
      readonly before: Float32Array;
      readonly after: Float32Array;
    }
  | {
      readonly kind: 'codes';
      readonly layerId: string;
      /** Values per image. */
      readonly dim: number;
      /** count × dim: the codes, image by image. */
      readonly codes: Float32Array;
      /** count × C·H·W: the images themselves, in [0, 1], so the page can show and compare them. */
      readonly images: Float32Array;
      readonly labels: Int32Array;
    }
  | {
      readonly kind: 'ascent';
      readonly image: Float32Array;
      readonly trace: readonly { readonly step: number; readonly score: number; readonly objective: number }[];
    }
  | ({ readonly kind: 'top-images' } & TopImages);

export interface InspectContext {
  readonly spec: ModelSpec;
  readonly weights: Readonly<Record<string, ArrayLike<number>>>;
  /** A validation image [C, H, W] in [0, 1]; throws for an index that does not exist. */
  readonly sample: (index: number) => Float32Array;
  /** The validation set's size and a sample's label ('codes' needs them). */
  readonly validation?: { readonly count: number; readonly label: (index: number) => number };
}

export function inspect(query: InspectQuery, context: InspectContext): InspectResult {
  const { spec, weights } = context;
  const pixels = (image: InspectImage): Float32Array =>
    'sample' in image ? context.sample(image.sample) : image.pixels;
  switch (query.kind) {
    case 'saliency':
    case 'cam': {
      const image = pixels(query.image);
      const probabilities = createProbe(spec, weights, { kind: 'class', classIndex: 0 }).evaluate(image).probabilities!;
      const classIndex = query.classIndex ?? argmax(probabilities);
      if (query.kind === 'cam') {
        const cam = classActivationMap(spec, weights, image, classIndex);
        return { kind: 'cam', ...cam, classIndex, probabilities };
      }
      const map = saliency(createProbe(spec, weights, { kind: 'class', classIndex }), image);
      return { kind: 'saliency', ...map, classIndex, probabilities, layerId: null };
    }
    case 'fgsm': {
      const result = fgsm(
        createProbe(spec, weights, { kind: 'loss', label: query.label }),
        pixels(query.image),
        query.epsilon,
      );
      return { kind: 'fgsm', ...result };
    }
    case 'codes':
      return codesOf(query.layer, query.count, context);
    case 'ascent': {
      if (!Number.isInteger(query.steps) || query.steps < 1 || query.steps > MAX_ASCENT_STEPS) {
        throw new RangeError(`Ask for 1 to ${MAX_ASCENT_STEPS} ascent steps at a time, not ${query.steps}.`);
      }
      const probe = createProbe(spec, weights, query.target);
      const size = probe.inputShape.reduce((a, b) => a * b, 1);
      const start = query.start ?? new Float32Array(size).fill(0.5);
      const ascent = new Ascent(probe, start, query.options);
      const trace = [ascent.current()];
      for (let i = 0; i < query.steps; i++) trace.push(ascent.step());
      return {
        kind: 'ascent',
        image: trace.at(-1)!.image,
        trace: trace.map(({ step, score, objective }) => ({ step, score, objective })),
      };
    }
    case 'top-images':
      return { kind: 'top-images', ...topImages(spec, weights, context.sample, query) };
  }
}

function codesOf(layer: number, count: number, context: InspectContext): InspectResult {
  const validation = context.validation;
  if (!validation) throw new RangeError('Codes need a loaded validation set.');
  const limit = Math.min(MAX_CODE_IMAGES, validation.count);
  if (!Number.isInteger(count) || count < 1 || count > limit) {
    throw new RangeError(`Ask for the codes of 1 to ${limit} validation images, not ${count}.`);
  }
  const first = context.sample(0);
  const images = new Float32Array(count * first.length);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    images.set(i === 0 ? first : context.sample(i), i * first.length);
    labels[i] = validation.label(i);
  }
  const result = layerCodes(context.spec, context.weights, layer, images, count);
  return { kind: 'codes', ...result, images, labels };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
