/**
 * Per-parameter gradient L2 norms as a lesson's chart keeps them, from the worker's 'norms'
 * answer (engine/worker/norms.ts computes them in the worker, so no gradient crosses over).
 */
import type { ParamNorm } from '../../../engine/worker/norms';
import type { LayerNorm } from './runView';

export function gradientNorms(norms: readonly ParamNorm[]): LayerNorm[] {
  return norms.map((n) => ({ layer: n.layer, param: n.param, norm: n.gradNorm }));
}
