/**
 * Training health: a detector fed every progress point (step, mean loss and accuracy of the steps
 * since the last point) that says whether a run is still learning, in words a student can act on.
 * It is pure and backend-independent: the worker session feeds it the CPU and WebGPU trainers'
 * progress alike, and tests feed it synthetic sequences.
 *
 * Verdicts:
 *   - 'non-finite': a loss or accuracy that is NaN or ±Infinity, at once;
 *   - 'diverging':  the smoothed loss has left its starting range, i.e. risen above
 *                   DIVERGE_FACTOR × the chance loss (the loss of all-zero logits: ln C for
 *                   cross-entropy, C − 1 for the multiclass hinge), which is where a well-initialised
 *                   network starts;
 *   - 'collapsed':  after a warm-up, the accuracy has stayed at chance (within CHANCE_TOLERANCE of
 *                   1/C) and the loss at or above COLLAPSE_LOSS_FRACTION × the chance loss for
 *                   COLLAPSE_STEPS steps: the network predicts (nearly) one class whatever it sees.
 *
 * Why these numbers (measured on the embedded MNIST subset, batch 32, a point every 10 steps,
 * BENCHMARKS-style runs recorded in tests/unit/train-health.test.ts):
 *   - At the default learning rate (Adam 0.001) the lecture CNN, LeNet-5 and the linear classifier
 *     start at 1.9-2.4 and only fall; plain SGD at 0.001 starts at 2.7. The largest healthy point
 *     seen is 2.71, well under 3 × ln 10 = 6.9.
 *   - At learning rate 5-10 the first point is already 13-400 (SGD) or 3e7 (Adam): flagged at the
 *     first point. Learning rate 1 (SGD) never exceeds 2.5 but sits at chance (loss 2.30,
 *     accuracy 7-14%) from step 20 on: the collapse rule flags it.
 *   - Slow but healthy runs (SGD at 0.001) are near chance for their first ~70 steps and then climb
 *     (21% at step 70, 30% at step 190) while the loss falls below 0.95 × ln 10: the warm-up of 100
 *     steps and the 100 stuck steps leave them alone.
 */

export type HealthVerdict = 'healthy' | 'diverging' | 'collapsed' | 'non-finite';

/** One progress point as the trainer reports it. */
export interface HealthPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  /** Number of classes the network outputs (chance accuracy is 1/classes). */
  readonly classes: number;
}

export interface HealthReport {
  readonly verdict: HealthVerdict;
  /** The step of the point that decided the verdict. */
  readonly step: number;
  /** What happened and what to try, in a student's words; empty when healthy. */
  readonly reason: string;
}

export type HealthLoss = 'crossEntropy' | 'hinge';

export interface HealthOptions {
  /** The loss the trainer minimises (it sets the chance loss); cross-entropy by default. */
  readonly loss?: HealthLoss;
  /** The step the run (re)started from: warm-up and stuck steps count from here. */
  readonly startStep?: number;
}

/** The smoothed loss may reach this many times the chance loss before the run counts as diverging. */
export const DIVERGE_FACTOR = 3;
/** Weight of the newest point in the smoothed loss (an exponential moving average). */
export const SMOOTHING = 0.5;
/** Steps after the start during which collapse is not judged (a fresh network starts at chance). */
export const COLLAPSE_WARMUP_STEPS = 100;
/** Steps that must all sit at chance before the run counts as collapsed. */
export const COLLAPSE_STEPS = 100;
/** How close to 1/classes counts as chance (an absolute accuracy difference). */
export const CHANCE_TOLERANCE = 0.05;
/** A collapsed run's loss stays near the chance loss: at least this fraction of it. */
export const COLLAPSE_LOSS_FRACTION = 0.9;

/** The loss of all-zero logits: ln C for cross-entropy, (C − 1) × margin 1 for the hinge loss. */
export function chanceLoss(loss: HealthLoss, classes: number): number {
  return loss === 'hinge' ? Math.max(1, classes - 1) : Math.log(Math.max(2, classes));
}

/** Whether an accuracy is at chance for this many classes (within CHANCE_TOLERANCE of 1/classes). */
export function atChance(accuracy: number, classes: number): boolean {
  return Math.abs(accuracy - 1 / classes) <= CHANCE_TOLERANCE;
}

const HEALTHY = (step: number): HealthReport => ({ verdict: 'healthy', step, reason: '' });

/** Watches one run's progress points; `observe` returns the verdict after each one. */
export class HealthMonitor {
  private readonly loss: HealthLoss;
  private readonly startStep: number;
  private smoothed: number | null = null;
  /** Step of the first point of the current unbroken stretch at chance (after warm-up), or null. */
  private stuckSince: number | null = null;

  constructor(options: HealthOptions = {}) {
    this.loss = options.loss ?? 'crossEntropy';
    this.startStep = options.startStep ?? 0;
  }

  observe(point: HealthPoint): HealthReport {
    const { step, loss, accuracy, classes } = point;
    if (!Number.isFinite(loss) || !Number.isFinite(accuracy)) {
      return {
        verdict: 'non-finite',
        step,
        reason: `The loss became ${loss} at step ${step}: the numbers in the network overflowed. The learning rate is almost certainly too high: lower it (for example by 10×) and train again.`,
      };
    }
    this.smoothed = this.smoothed === null ? loss : SMOOTHING * loss + (1 - SMOOTHING) * this.smoothed;
    const chance = chanceLoss(this.loss, classes);
    const limit = DIVERGE_FACTOR * chance;
    if (this.smoothed > limit) {
      return {
        verdict: 'diverging',
        step,
        reason: `The loss is diverging: by step ${step} it had climbed to ${fmt(this.smoothed)}, more than ${DIVERGE_FACTOR}× the ${fmt(chance)} a network that guesses starts from. Each step overshoots the minimum and lands higher up. Lower the learning rate (for example by 10×); if it still climbs, check the initialisation, or add batch normalisation.`,
      };
    }
    const stuck = atChance(accuracy, classes) && this.smoothed >= COLLAPSE_LOSS_FRACTION * chance;
    if (!stuck || step - this.startStep <= COLLAPSE_WARMUP_STEPS) {
      this.stuckSince = null;
      return HEALTHY(step);
    }
    this.stuckSince ??= step;
    if (step - this.stuckSince >= COLLAPSE_STEPS) {
      const percent = (100 / classes).toFixed(0);
      return {
        verdict: 'collapsed',
        step,
        reason: `The network has collapsed: from step ${this.stuckSince} to step ${step} its accuracy stayed at chance (about ${percent}%, one class in ${classes}) and the loss did not fall. It answers (nearly) the same class whatever it sees, often because a step that was too large pushed its units into a dead or saturated state. Lower the learning rate (for example by 10×); check the initialisation; batch normalisation can help.`,
      };
    }
    return HEALTHY(step);
  }
}

function fmt(value: number): string {
  return value >= 1000 ? value.toExponential(2) : String(Number(value.toPrecision(3)));
}
