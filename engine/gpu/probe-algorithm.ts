/**
 * Runs an engine/inspect algorithm written against the synchronous CPU Probe (saliency, fgsm)
 * with the asynchronous GPU probe answering its evaluations, so each algorithm stays written once.
 *
 * The algorithm is replayed: every run hands it a Probe that answers from the results gathered so
 * far; the first image it asks about that has no answer yet stops the run, the GPU evaluates that
 * image, and the algorithm runs again from the start. An algorithm that asks k questions (each
 * may depend on the answers before it) runs k + 1 times, so this suits algorithms with few
 * evaluations and cheap host work between them, not long loops such as activation maximisation.
 * The algorithm must be deterministic: the same answers must lead to the same questions.
 */
import type { Probe, ProbeResult } from '../inspect/probe';
import type { GpuProbe } from './input-gradient';

/** Evaluations one algorithm may ask for before it is refused (each one replays it from the start). */
export const MAX_REPLAYED_EVALUATIONS = 16;

/** Thrown through the algorithm to stop it at a question with no answer yet. */
class Unanswered {
  constructor(readonly image: Float32Array) {}
}

export interface ProbeAnswer {
  readonly image: Float32Array;
  readonly result: ProbeResult;
}

/** `known`: answers already computed, in the order the algorithm will ask for them. */
export async function runWithGpuProbe<T>(
  probe: GpuProbe,
  algorithm: (probe: Probe) => T,
  known: readonly ProbeAnswer[] = [],
): Promise<T> {
  const answers: ProbeAnswer[] = [...known];
  for (;;) {
    let asked = 0;
    const replay: Probe = {
      target: probe.target,
      inputShape: probe.inputShape,
      evaluate(image) {
        const known = answers[asked];
        if (!known) throw new Unanswered(image.slice());
        if (!sameValues(known.image, image)) {
          throw new Error('An inspection asked different questions when replayed: it is not deterministic.');
        }
        asked++;
        return copy(known.result);
      },
    };
    try {
      return algorithm(replay);
    } catch (error) {
      if (!(error instanceof Unanswered)) throw error;
      if (answers.length - known.length >= MAX_REPLAYED_EVALUATIONS) {
        throw new Error(`An inspection on the GPU may evaluate at most ${MAX_REPLAYED_EVALUATIONS} images.`);
      }
      answers.push({ image: error.image, result: await probe.evaluate(error.image) });
    }
  }
}

/** A fresh copy per run, so an algorithm that edits a result in place cannot change the next replay. */
function copy(result: ProbeResult): ProbeResult {
  return {
    value: result.value,
    gradient: result.gradient.slice(),
    probabilities: result.probabilities ? result.probabilities.slice() : null,
  };
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}
