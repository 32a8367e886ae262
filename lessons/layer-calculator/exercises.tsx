/**
 * "Predict, then check" for the layer calculator. Answers come from summarize(); `params` carry
 * the question's numbers so the e2e test can recompute each answer itself.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import type { LayerSpec, LayerSummary } from '../../engine/spec';
import { createRng } from '../../engine/tensor/rng';

type Rand = () => number;
const pick = <T,>(items: readonly T[], r: Rand): T => items[Math.floor(r() * items.length)]!;
const rand = (seed: number, salt: number): Rand => {
  const rng = createRng(seed * 15485863 + salt);
  return () => rng.next();
};
const tex = (n: number): string => formatCount(n).replace(/,/g, '{,}');

function layers(specLayers: LayerSpec[]): readonly LayerSummary[] {
  const result = summaryResult({ layers: specLayers });
  if (!result.ok) throw result.error;
  return result.summary.layers;
}

export const groupedWeightsExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 3);
  const C = pick([48, 96, 128, 256, 384], r);
  const K = pick([128, 256, 384], r);
  const F = pick([3, 5], r);
  const G = pick([1, 2, 4], r);
  const layer = layers([
    { type: 'input', shape: [C, 13, 13] },
    { type: 'conv2d', filters: K, kernel: F, padding: (F - 1) / 2, groups: G },
  ])[1]!;
  return {
    params: { C, K, F, G },
    prompt: (
      <p>
        A conv layer reads {C} channels and has {K} filters of {F}×{F}, split into {G} group{G > 1 ? 's' : ''} (as
        AlexNet split layers across GPUs). How many weights does it have, not counting biases?
      </p>
    ),
    answer: layer.weights,
    inputHint: 'a whole number',
    solution: <TeX block tex={`${K}\\cdot\\frac{${C}}{${G}}\\cdot ${F}\\cdot ${F} = ${tex(layer.weights)}`} />,
  };
};

export const convMacsExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 5);
  const C = pick([1, 3, 16, 64], r);
  const H = pick([8, 14, 28, 32], r);
  const K = pick([8, 16, 32], r);
  const F = pick([1, 3, 5], r);
  const layer = layers([
    { type: 'input', shape: [C, H, H] },
    { type: 'conv2d', filters: K, kernel: F, padding: 'same' },
  ])[1]!;
  return {
    params: { C, H, K, F },
    prompt: (
      <p>
        A {C}×{H}×{H} input (channels first) goes through a conv layer with {K} filters of {F}×{F}, stride 1 and “same”
        padding. How many multiply-adds does one image need?
      </p>
    ),
    answer: layer.macs,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`\\underbrace{${H}\\cdot ${H}\\cdot ${K}}_{\\text{outputs}}\\cdot\\underbrace{${C}\\cdot ${F}\\cdot ${F}}_{\\text{per output}} = ${tex(layer.macs)}`}
      />
    ),
  };
};

export const stackShapeExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 7);
  // Sizes where both 2×2 pools tile: (H − F1 + 1) must be a multiple of 4.
  const [H, F1] = pick(
    [
      [28, 5],
      [32, 5],
      [30, 3],
      [34, 3],
    ] as const,
    r,
  );
  const K1 = pick([6, 10, 16], r);
  const K2 = pick([16, 20, 32], r);
  const stack = layers([
    { type: 'input', shape: [1, H, H] },
    { type: 'conv2d', filters: K1, kernel: F1 },
    { type: 'maxpool', size: 2 },
    { type: 'conv2d', filters: K2, kernel: 3, padding: 1 },
    { type: 'maxpool', size: 2 },
  ]);
  const out = stack[stack.length - 1]!.outputShape;
  const answer = [out[0]!, out[1]!, out[2]!];
  return {
    params: { H, K1, F1, K2 },
    prompt: (
      <p>
        A 1×{H}×{H} image goes through: conv {K1} filters {F1}×{F1} (no padding), max pool 2×2, conv {K2} filters 3×3
        (padding 1), max pool 2×2. What is the final shape, channels × height × width?
      </p>
    ),
    answer,
    inputHint: 'three numbers, channels first',
    solution: (
      <p>
        {stack
          .slice(1)
          .map((l) => `${l.type} → ${l.outputShape.join('×')}`)
          .join(', ')}
      </p>
    ),
  };
};
