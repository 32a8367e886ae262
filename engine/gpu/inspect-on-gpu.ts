/**
 * The worker's saliency and FGSM answers (engine/worker/inspect.ts) for a model that lives on the
 * GPU: the same algorithms (engine/inspect/saliency.ts, fgsm.ts) and the same result, with the GPU
 * probe taking the gradients, so the weights are never read back for them. Other query kinds stay
 * on the CPU engine (null here).
 */
import { fgsm } from '../inspect/fgsm';
import { saliency } from '../inspect/saliency';
import type { InspectImage, InspectQuery, InspectResult } from '../worker/inspect';
import { createGpuProbe } from './input-gradient';
import type { GpuModel } from './model';
import { runWithGpuProbe } from './probe-algorithm';

/** The answer to `query` computed on the GPU, or null for a kind the GPU path does not take. */
export function inspectOnGpu(
  query: InspectQuery,
  model: GpuModel,
  pixels: (image: InspectImage) => Float32Array,
): Promise<InspectResult> | null {
  switch (query.kind) {
    case 'saliency':
      return gpuSaliency(model, pixels(query.image), query.classIndex);
    case 'fgsm':
      return gpuFgsm(model, pixels(query.image), query.label, query.epsilon);
    default:
      return null;
  }
}

async function gpuSaliency(model: GpuModel, image: Float32Array, wanted: number | null): Promise<InspectResult> {
  // As the CPU path: the probabilities first, so a null class means the predicted one.
  const probed = wanted ?? 0;
  const first = createGpuProbe(model, { kind: 'class', classIndex: probed });
  const firstResult = await first.evaluate(image);
  const probabilities = firstResult.probabilities;
  const classIndex = wanted ?? argmax(probabilities!);
  const map =
    classIndex === probed
      ? await runWithGpuProbe(first, (p) => saliency(p, image), [{ image, result: firstResult }])
      : await runWithGpuProbe(createGpuProbe(model, { kind: 'class', classIndex }), (p) => saliency(p, image));
  return { kind: 'saliency', ...map, classIndex, probabilities: probabilities!, layerId: null };
}

async function gpuFgsm(model: GpuModel, image: Float32Array, label: number, epsilon: number): Promise<InspectResult> {
  const probe = createGpuProbe(model, { kind: 'loss', label });
  const result = await runWithGpuProbe(probe, (p) => fgsm(p, image, epsilon));
  return { kind: 'fgsm', ...result };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
