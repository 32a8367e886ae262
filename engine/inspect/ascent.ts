/**
 * Gradient ascent on the input image: activation maximisation (the lecture's
 * argmax_I S_c(I) - lambda ||I||^2, with a total-variation prior, jitter and blur as the
 * visualisation papers add them) for any probe target: a class score or a unit of any layer.
 *
 * Each step climbs the regularised objective S(I) - l2 ||I||^2 - tv R_TV(I). With jitter the
 * score's gradient is taken on a randomly shifted copy and shifted back, so no single pixel
 * grid is favoured; with blur the image is smoothed every few steps. Both make the picture
 * more natural and the climb no longer strictly monotone; without them, and with a small
 * enough step, the objective rises at every step (tests/unit/inspect-ascent.test.ts).
 */
import { createRng, type Rng } from '../tensor/rng';
import { gaussianBlur, roll } from './image-ops';
import type { Probe } from './probe';
import { squaredNorm, totalVariation } from './regularisers';

export interface AscentOptions {
  readonly stepSize: number;
  /** lambda of the L2 prior. */
  readonly l2: number;
  /** Weight of the total-variation prior. */
  readonly tv: number;
  /** R_TV's exponent beta (2: squared differences). */
  readonly tvBeta?: number;
  /** Largest random shift, in pixels, of the jitter regulariser; 0 turns it off. */
  readonly jitter?: number;
  /** Blur the image every this many steps (0 never) with this sigma in pixels. */
  readonly blurEvery?: number;
  readonly blurSigma?: number;
  /** DeepDream's step: divide the gradient by its mean absolute value, so stepSize is in pixels. */
  readonly normalise?: boolean;
  /** Keep pixels in this range (the range the network was trained on), or null. */
  readonly clamp?: readonly [number, number] | null;
  readonly seed?: number;
}

export interface AscentState {
  readonly step: number;
  /** The probed score S(I) of the current image. */
  readonly score: number;
  /** S(I) - l2 ||I||^2 - tv R_TV(I) of the current image. */
  readonly objective: number;
  readonly image: Float32Array;
}

export class Ascent {
  private image: Float32Array;
  private steps = 0;
  private readonly rng: Rng;

  constructor(
    private readonly probe: Probe,
    start: Float32Array,
    private readonly options: AscentOptions,
  ) {
    this.image = start.slice();
    this.rng = createRng(options.seed ?? 1);
  }

  /** The score and objective of the current image, without moving it. */
  current(): AscentState {
    const { value } = this.probe.evaluate(this.image);
    return { step: this.steps, score: value, objective: this.objectiveOf(value), image: this.image.slice() };
  }

  /** One ascent step; returns the state after it. */
  step(): AscentState {
    const { stepSize, l2, tv, tvBeta = 2, jitter = 0, normalise = false, clamp = null } = this.options;
    const shape = this.probe.inputShape;
    const dy = jitter > 0 ? this.rng.int(2 * jitter + 1) - jitter : 0;
    const dx = jitter > 0 ? this.rng.int(2 * jitter + 1) - jitter : 0;
    const shifted = dy || dx ? roll(this.image, shape, dy, dx) : this.image;
    const scoreGrad = this.probe.evaluate(shifted).gradient;
    const grad = dy || dx ? roll(scoreGrad, shape, -dy, -dx) : scoreGrad;
    if (l2 > 0) {
      const g = squaredNorm(this.image).gradient;
      for (let i = 0; i < grad.length; i++) grad[i]! -= l2 * g[i]!;
    }
    if (tv > 0) {
      const g = totalVariation(this.image, shape, tvBeta).gradient;
      for (let i = 0; i < grad.length; i++) grad[i]! -= tv * g[i]!;
    }
    let scale = stepSize;
    if (normalise) {
      let mean = 0;
      for (let i = 0; i < grad.length; i++) mean += Math.abs(grad[i]!);
      mean /= grad.length;
      scale = mean > 0 ? stepSize / mean : 0;
    }
    const next = new Float32Array(this.image.length);
    for (let i = 0; i < next.length; i++) {
      let v = this.image[i]! + scale * grad[i]!;
      if (clamp) v = Math.min(clamp[1], Math.max(clamp[0], v));
      next[i] = v;
    }
    this.steps++;
    const { blurEvery = 0, blurSigma = 0.5 } = this.options;
    this.image = blurEvery > 0 && this.steps % blurEvery === 0 ? gaussianBlur(next, shape, blurSigma) : next;
    return this.current();
  }

  private objectiveOf(score: number): number {
    const { l2, tv, tvBeta = 2 } = this.options;
    const shape = this.probe.inputShape;
    let objective = score;
    if (l2 > 0) objective -= l2 * squaredNorm(this.image).value;
    if (tv > 0) objective -= tv * totalVariation(this.image, shape, tvBeta).value;
    return objective;
  }
}
