/**
 * "Predict, then check" for the architectures lesson. Every answer is computed by summarize() on a
 * small spec built from the question's numbers; `params` carry those numbers so the e2e test can
 * recompute each answer itself. Seed 1 is always the lecture's own example.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import type { LayerSpec, ModelSpec, ModelSummary } from '../../engine/spec';
import { createRng } from '../../engine/tensor/rng';
import { denseSpec } from './denseSpec';

type Rand = () => number;
const rand = (seed: number, salt: number): Rand => {
  const rng = createRng(seed * 15485863 + salt);
  return () => rng.next();
};
const pick = <T,>(items: readonly T[], r: Rand): T => items[Math.floor(r() * items.length)]!;
/** Seed 1 gives the first item (the lecture's example); other seeds pick at random. */
const pickFirstAt1 = <T,>(items: readonly T[], seed: number, r: Rand): T => (seed === 1 ? items[0]! : pick(items, r));
const tex = (n: number): string => formatCount(n).replace(/,/g, '{,}');

function summary(spec: ModelSpec): ModelSummary {
  const result = summaryResult(spec);
  if (!result.ok) throw result.error;
  return result.summary;
}

/** [N, F, S, P] that tile exactly; the first is AlexNet's conv1. */
const CONVS = [
  [227, 11, 4, 0],
  [225, 7, 2, 0],
  [32, 5, 1, 0],
  [224, 3, 1, 1],
  [55, 5, 2, 0],
  [13, 3, 1, 1],
] as const;

export const conv1SizeExercise: ExerciseGenerator = (seed) => {
  const [N, F, S, P] = pickFirstAt1(CONVS, seed, rand(seed, 11));
  const out = summary({
    layers: [
      { type: 'input', shape: [3, N, N] },
      { type: 'conv2d', filters: 96, kernel: F, stride: S, padding: P },
    ],
  }).outputShape[1]!;
  return {
    params: { N, F, S, P },
    prompt: (
      <p>
        A 3×{N}×{N} image goes through a conv layer with 96 filters of {F}×{F}, stride {S} and padding {P}. What is the
        output’s height (and width)?
      </p>
    ),
    answer: out,
    inputHint: 'a whole number',
    solution: <TeX block tex={`\\frac{${N} - ${F} + 2\\cdot ${P}}{${S}} + 1 = ${out}`} />,
  };
};

export const threeByThreeExercise: ExerciseGenerator = (seed) => {
  const C = pickFirstAt1([64, 16, 32, 128, 256, 512], seed, rand(seed, 13));
  const stack = (kernel: number, count: number): number => {
    const conv: LayerSpec = { type: 'conv2d', filters: C, kernel, padding: 'same', bias: false };
    return summary({ layers: [{ type: 'input', shape: [C, 14, 14] }, ...Array.from({ length: count }, () => conv)] })
      .totalParams;
  };
  const three = stack(3, 3);
  const seven = stack(7, 1);
  return {
    params: { C },
    prompt: (
      <p>
        A stage keeps {C} channels. How many weights (no biases) do three 3×3 conv layers in a row have, and how many
        does one 7×7 conv layer with the same receptive field have? Give both numbers.
      </p>
    ),
    answer: [three, seven],
    inputHint: 'two numbers: three 3×3, then one 7×7',
    solution: <TeX block tex={`27\\cdot ${C}^2 = ${tex(three)},\\qquad 49\\cdot ${C}^2 = ${tex(seven)}`} />,
  };
};

export const inceptionBranchExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 17);
  const [C, R, K, F] =
    seed === 1
      ? ([192, 16, 32, 5] as const)
      : [pick([192, 256, 480, 512], r), pick([16, 32, 64, 96], r), pick([32, 64, 128, 192], r), pick([3, 5], r)];
  const input: LayerSpec = { type: 'input', shape: [C, 28, 28] };
  const big: LayerSpec = { type: 'conv2d', filters: K, kernel: F, padding: 'same', bias: false };
  const direct = summary({ layers: [input, big] }).totalParams;
  const reduced = summary({ layers: [input, { type: 'conv2d', filters: R, kernel: 1, bias: false }, big] }).totalParams;
  return {
    params: { C, R, K, F },
    prompt: (
      <p>
        An Inception branch reads {C} channels and has {K} filters of {F}×{F}. How many weights (no biases) does it have
        on its own, and how many with a 1×1 conv of {R} filters in front of it? Give both numbers.
      </p>
    ),
    answer: [direct, reduced],
    inputHint: 'two numbers: without, then with the 1×1',
    solution: (
      <TeX
        block
        tex={`${F}^2\\cdot ${C}\\cdot ${K} = ${tex(direct)},\\qquad ${C}\\cdot ${R} + ${F}^2\\cdot ${R}\\cdot ${K} = ${tex(reduced)}`}
      />
    ),
  };
};

export const denseChannelsExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 19);
  const [C0, k, L] =
    seed === 1
      ? ([64, 32, 6] as const)
      : [pick([16, 24, 64, 128, 256], r), pick([12, 24, 32, 48], r), pick([4, 6, 12, 16], r)];
  const out = summary(denseSpec({ inChannels: C0, side: 8, growth: k, layers: L, bottleneck: true })).outputShape[0]!;
  return {
    params: { C0, k, L },
    prompt: (
      <p>
        A dense block receives {C0} channels and has {L} layers with growth rate {k}. How many channels leave the block?
      </p>
    ),
    answer: out,
    inputHint: 'a whole number',
    solution: <TeX block tex={`${C0} + ${L}\\cdot ${k} = ${out}`} />,
  };
};
