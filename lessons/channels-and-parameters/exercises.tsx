/**
 * "Predict, then check" for channels and parameters. Each generator draws sensible layer settings
 * from a seed and asks the engine (summarize) for the answer, so the answer is the number every
 * widget in the course would show. `params` carry the settings for the e2e test to recompute.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import type { LayerSummary, ModelSpec } from '../../engine/spec';
import { createRng } from '../../engine/tensor/rng';

type Rand = () => number;
const pick = <T,>(items: readonly T[], r: Rand): T => items[Math.floor(r() * items.length)]!;
const rand = (seed: number, salt: number): Rand => {
  const rng = createRng(seed * 7919 + salt);
  return () => rng.next();
};
const tex = (n: number): string => formatCount(n).replace(/,/g, '{,}');

/** The engine's summary of layer `i`; the generators only build specs that fit. */
function layerOf(spec: ModelSpec, i: number): LayerSummary {
  const result = summaryResult(spec);
  if (!result.ok) throw result.error;
  return result.summary.layers[i]!;
}

export const outputVolumeExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 11);
  const [W, F, S, P] = pick(
    [
      [32, 5, 1, 0],
      [32, 5, 1, 2],
      [28, 3, 1, 1],
      [227, 11, 4, 0],
      [7, 3, 2, 1],
      [7, 3, 2, 0],
      [28, 15, 1, 0],
      [64, 5, 1, 2],
    ] as const,
    r,
  );
  const D = pick([1, 3, 16, 64], r);
  const K = pick([4, 10, 20, 30, 64, 96], r);
  const out = layerOf(
    {
      layers: [
        { type: 'input', shape: [D, W, W] },
        { type: 'conv2d', filters: K, kernel: F, stride: S, padding: P },
      ],
    },
    1,
  ).outputShape;
  const answer = [out[0]!, out[1]!, out[2]!];
  return {
    params: { W, D, F, K, S, P },
    prompt: (
      <p>
        An input volume of {D}×{W}×{W} goes through a conv layer with {K} filters of {F}×{F}, stride {S} and padding {P}
        . What is the output volume, depth × height × width?
      </p>
    ),
    answer,
    inputHint: 'three numbers, e.g. 30 28 28',
    solution: (
      <TeX
        block
        tex={`D_2 = K = ${K},\\qquad H_2 = W_2 = \\frac{${W} - ${F} + 2\\cdot ${P}}{${S}} + 1 = ${answer[1]}`}
      />
    ),
  };
};

export const convParamsExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 23);
  const D = pick([1, 3, 10, 32, 64, 128], r);
  const F = pick([1, 3, 5, 7], r);
  const K = pick([7, 16, 20, 30, 64, 256], r);
  const layer = layerOf(
    {
      layers: [
        { type: 'input', shape: [D, 32, 32] },
        { type: 'conv2d', filters: K, kernel: F },
      ],
    },
    1,
  );
  return {
    params: { D, F, K },
    prompt: (
      <p>
        A conv layer reads a volume of depth {D} and has {K} filters of {F}×{F}, each with a bias. How many parameters
        (weights plus biases) does it learn?
      </p>
    ),
    answer: layer.params,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`\\underbrace{${F}\\cdot ${F}\\cdot ${D}\\cdot ${K}}_{\\text{weights}} + \\underbrace{${K}}_{\\text{biases}} = ${tex(layer.weights)} + ${K} = ${tex(layer.params)}`}
      />
    ),
  };
};

export const factoriseExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 37);
  const C = pick([16, 32, 64, 100, 128, 256], r);
  const [big, small, count] = pick(
    [
      [7, 3, 3],
      [5, 3, 2],
    ] as const,
    r,
  );
  const stack = (k: number, n: number): number => {
    const convs = Array.from({ length: n }, () => ({
      type: 'conv2d' as const,
      filters: C,
      kernel: k,
      padding: 'same' as const,
      bias: false,
    }));
    const result = summaryResult({ layers: [{ type: 'input', shape: [C, 16, 16] }, ...convs] });
    if (!result.ok) throw result.error;
    return result.summary.totalParams;
  };
  const bigW = stack(big, 1);
  const smallW = stack(small, count);
  return {
    params: { C, big, small, count },
    prompt: (
      <p>
        A layer maps {C} channels to {C} channels with one {big}×{big} conv (no bias). You replace it by {count} stacked{' '}
        {small}×{small} convs, each also {C} → {C} channels. How many weights do you save?
      </p>
    ),
    answer: bigW - smallW,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`${big * big}C^2 - ${count}\\cdot ${small * small}C^2 = ${big * big - count * small * small}\\cdot ${C}^2 = ${tex(bigW - smallW)}`}
      />
    ),
  };
};

export const denseAfterFlattenExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 53);
  const [C, H] = pick(
    [
      [10, 4],
      [16, 5],
      [256, 6],
      [512, 7],
      [64, 8],
    ] as const,
    r,
  );
  const U = pick([10, 100, 120, 500, 4096], r);
  const layer = layerOf(
    { layers: [{ type: 'input', shape: [C, H, H] }, { type: 'flatten' }, { type: 'dense', units: U }] },
    2,
  );
  return {
    params: { C, H, U },
    prompt: (
      <p>
        A {C}×{H}×{H} volume (channels × height × width) is flattened and fed to a dense layer of {U} units with biases.
        How many parameters does the dense layer have?
      </p>
    ),
    answer: layer.params,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`(${C}\\cdot ${H}\\cdot ${H})\\cdot ${U} + ${U} = ${tex(C * H * H)}\\cdot ${U} + ${U} = ${tex(layer.params)}`}
      />
    ),
  };
};
