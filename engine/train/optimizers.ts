/**
 * Optimisers update parameters in place from their gradients. Each keeps its per-parameter
 * state (velocity, Adam moments) keyed by the parameter's name, so a model can be saved and
 * training resumed, and the GPU backend can mirror the same update rules kernel by kernel.
 * Frozen params (`trainable: false`, fixed when the model is built from its spec) are skipped
 * entirely: no update and no state, so Adam's moments and momentum's velocity exist only for
 * params that train.
 */
import type { Param } from './model';

export type OptimizerConfig =
  | { readonly kind: 'sgd' }
  | { readonly kind: 'momentum'; readonly momentum?: number; readonly nesterov?: boolean }
  | { readonly kind: 'adam'; readonly beta1?: number; readonly beta2?: number; readonly epsilon?: number };

export type OptimizerKind = OptimizerConfig['kind'];

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** Applies one update with learning rate `lr` to every trainable param, using param.grad. */
  step(params: readonly Param[], lr: number): void;
  /** Number of steps taken (Adam's bias correction depends on it). */
  readonly steps: number;
}

export function createOptimizer(config: OptimizerConfig): Optimizer {
  switch (config.kind) {
    case 'sgd':
      return sgd(config);
    case 'momentum':
      return momentum(config);
    case 'adam':
      return adam(config);
  }
}

function sgd(config: OptimizerConfig): Optimizer {
  let steps = 0;
  return {
    config,
    get steps() {
      return steps;
    },
    step(params, lr) {
      for (const p of params) {
        if (!p.trainable) continue;
        const w = p.value;
        const g = p.grad;
        for (let i = 0; i < w.length; i++) w[i]! -= lr * g[i]!;
      }
      steps++;
    },
  };
}

/** Classical momentum v = mu*v - lr*g; w += v (or Nesterov's look-ahead form). */
function momentum(config: {
  readonly momentum?: number;
  readonly nesterov?: boolean;
  readonly kind: 'momentum';
}): Optimizer {
  const mu = config.momentum ?? 0.9;
  const velocity = new Map<string, Float32Array>();
  let steps = 0;
  return {
    config,
    get steps() {
      return steps;
    },
    step(params, lr) {
      for (const p of params) {
        if (!p.trainable) continue;
        let v = velocity.get(p.name);
        if (!v) {
          v = new Float32Array(p.value.length);
          velocity.set(p.name, v);
        }
        const w = p.value;
        const g = p.grad;
        for (let i = 0; i < w.length; i++) {
          const vi = mu * v[i]! - lr * g[i]!;
          v[i] = vi;
          w[i]! += config.nesterov ? mu * vi - lr * g[i]! : vi;
        }
      }
      steps++;
    },
  };
}

/** Adam (Kingma & Ba) with bias-corrected first and second moment estimates. */
function adam(config: {
  readonly kind: 'adam';
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}): Optimizer {
  const b1 = config.beta1 ?? 0.9;
  const b2 = config.beta2 ?? 0.999;
  const eps = config.epsilon ?? 1e-8;
  const moments = new Map<string, { m: Float32Array; v: Float32Array }>();
  let steps = 0;
  return {
    config,
    get steps() {
      return steps;
    },
    step(params, lr) {
      steps++;
      const c1 = 1 - b1 ** steps;
      const c2 = 1 - b2 ** steps;
      for (const p of params) {
        if (!p.trainable) continue;
        let s = moments.get(p.name);
        if (!s) {
          s = { m: new Float32Array(p.value.length), v: new Float32Array(p.value.length) };
          moments.set(p.name, s);
        }
        const { m, v } = s;
        const w = p.value;
        const g = p.grad;
        for (let i = 0; i < w.length; i++) {
          const gi = g[i]!;
          const mi = b1 * m[i]! + (1 - b1) * gi;
          const vi = b2 * v[i]! + (1 - b2) * gi * gi;
          m[i] = mi;
          v[i] = vi;
          w[i]! -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
        }
      }
    },
  };
}
