/**
 * The live views' data pump. Something changed (a training step, a new model, another sample, a
 * new drawing) marks the views dirty; a timer then asks the worker for one round of snapshots:
 * the chosen conv layer's weights (its filters), the per-layer norms (computed in the worker, so
 * only a few numbers per layer cross, not every weight and gradient), the chosen sample's
 * activations at every layer, and the drawing's prediction. At most one round is in
 * flight and rounds start at most every ROUND_MS (every other tick while training runs), so the
 * worker spends its time training and the page redraws a few times a second, however fast
 * training goes.
 */
import type { ModelSummary } from '../../engine/spec';
import type { ParamNorm } from '../../engine/worker/norms';
import { type LayerNorm, setLive, setPrediction, useStudio } from '../stores/studio';
import { studioClient } from './controller';

const ROUND_MS = 300;
/**
 * While training runs every tick finds the views dirty: take a round on every other tick only
 * (~1.7 rounds a second), which halves what the live views cost the page and the worker
 * (`npm run bench:studio`, BENCHMARKS.md).
 */
const TICKS_PER_ROUND_WHILE_TRAINING = 2;
let dirty = true;
let busy = false;
let ticks = 0;

export function markLiveDirty(): void {
  dirty = true;
}

/** Starts the timer; returns the function that stops it (the studio's unmount). */
export function startLivePolling(): () => void {
  const timer = window.setInterval(() => {
    if (!dirty || busy || useStudio.getState().built === null) return;
    if (useStudio.getState().status === 'running' && ++ticks % TICKS_PER_ROUND_WHILE_TRAINING !== 0) return;
    dirty = false;
    busy = true;
    void round().finally(() => {
      busy = false;
    });
  }, ROUND_MS);
  return () => window.clearInterval(timer);
}

async function round(): Promise<void> {
  const client = studioClient();
  const { sample, drawing, activationSource, built } = useStudio.getState();
  try {
    // All requests at once (the worker answers them at its next pause between steps), and all
    // answers applied together, so React renders the views once per round.
    const conv = filterLayerOf(built, useStudio.getState().filterLayer);
    const convIndex = built?.layers.find((l) => l.id === conv)?.index ?? null;
    const [filterWeights, norms, activations, answer] = await Promise.all([
      convIndex === null ? [] : client.snapshot('weights', convIndex, 0),
      client.norms(),
      activationSource === 'sample' && useStudio.getState().dataset.status === 'ready'
        ? client.snapshot('activations', null, sample)
        : [],
      // The image is transferred to the worker, so send a copy and keep the drawing.
      drawing ? client.predict(drawing.slice(), true) : null,
    ]);
    const filters = filterWeights.find((t) => t.name === `${conv}.weight`) ?? null;
    setLive(filters, activations, layerNorms(norms));
    if (answer && useStudio.getState().drawing !== null) {
      setPrediction({ probabilities: answer.probabilities, activations: answer.activations });
    }
  } catch {
    // A request can fail while the model is being rebuilt; the next change asks again.
  }
}

/** The id of the conv layer whose filters to show: the chosen one if the model has it, else the first. */
export function filterLayerOf(built: ModelSummary | null, chosen: string | null): string | null {
  const convs = built?.layers.filter((l) => l.type === 'conv2d') ?? [];
  return (convs.find((l) => l.id === chosen) ?? convs[0])?.id ?? null;
}

/** Each layer's weight and gradient norms (biases excluded: they say little), as the NormsView shows them. */
export function layerNorms(norms: readonly ParamNorm[]): LayerNorm[] {
  return norms
    .filter((n) => n.param.endsWith('.weight'))
    .map((n) => ({ layer: n.layer, weight: n.weightNorm, gradient: n.gradNorm }));
}
