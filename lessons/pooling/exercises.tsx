/**
 * "Predict, then check" for pooling. Answers come from the engine (outputSize, maxpool/avgpool,
 * summarize); `params` carry the question's numbers (the grid as a comma-separated string) so the
 * e2e test can recompute each answer on its own.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { outputSize } from '../../engine/spec';
import { createRng } from '../../engine/tensor/rng';
import { poolGrid } from './poolMath';

type Rand = () => number;
const pick = <T,>(items: readonly T[], r: Rand): T => items[Math.floor(r() * items.length)]!;
const rand = (seed: number, salt: number): Rand => {
  const rng = createRng(seed * 104729 + salt);
  return () => rng.next();
};

const FITS: readonly (readonly [number, number, number])[] = [
  [28, 2, 2],
  [24, 2, 2],
  [55, 3, 2],
  [27, 3, 2],
  [13, 3, 2],
  [224, 2, 2],
  [32, 2, 2],
  [7, 3, 2],
  [9, 3, 3],
];

export const poolSizeExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 5);
  const [W, F, S] = pick(FITS, r);
  const result = outputSize({ size: W, kernel: F, stride: S });
  const answer = result.ok ? result.value : Number.NaN;
  return {
    params: { W, F, S },
    prompt: (
      <p>
        A {W}×{W} feature map is max-pooled with {F}×{F} windows at stride {S}. What is the output width?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: <TeX block tex={`\\frac{${W} - ${F}}{${S}} + 1 = ${answer}`} />,
  };
};

export const pooledValueExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 7);
  const grid = Array.from({ length: 16 }, () => Math.floor(r() * 10));
  const mode = pick(['max', 'avg'] as const, r);
  const row = Math.floor(r() * 2);
  const col = Math.floor(r() * 2);
  const result = poolGrid(grid, 4, 4, mode, 2, 2);
  const answer = result.ok ? result.values[row * 2 + col]! : Number.NaN;
  return {
    params: { grid: grid.join(','), mode, row, col },
    prompt: (
      <>
        <p>
          This 4×4 map is {mode === 'max' ? 'max' : 'average'}-pooled with 2×2 windows at stride 2. What is the output
          at row {row}, column {col} (counting from 0)?
        </p>
        <TensorGrid values={grid} rows={4} cols={4} label="Map to pool" size="sm" hideCaption />
      </>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <p>
        The window covers rows {2 * row}–{2 * row + 1} and columns {2 * col}–{2 * col + 1}; its{' '}
        {mode === 'max' ? 'largest value' : 'mean'} is {answer}.
      </p>
    ),
  };
};

export const poolVolumeExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 11);
  const [W, F, S] = pick(FITS, r);
  const D = pick([3, 10, 32, 64, 96, 256], r);
  const result = summaryResult({
    layers: [
      { type: 'input', shape: [D, W, W] },
      { type: 'maxpool', size: F, stride: S },
    ],
  });
  const out = result.ok ? result.summary.outputShape : [Number.NaN, Number.NaN, Number.NaN];
  const answer = [out[2]!, out[1]!, out[0]!];
  return {
    params: { W, D, F, S },
    prompt: (
      <p>
        A {W}×{W}×{D} volume goes through a max pooling layer with F = {F}, S = {S}. What is the output volume, width ×
        height × depth?
      </p>
    ),
    answer,
    inputHint: 'three numbers, e.g. 14 14 10',
    solution: <TeX block tex={`W_2 = H_2 = \\frac{${W} - ${F}}{${S}} + 1 = ${answer[0]},\\qquad D_2 = D_1 = ${D}`} />,
  };
};

export const gapDenseExercise: ExerciseGenerator = (seed) => {
  const r = rand(seed, 13);
  const C = pick([64, 256, 512, 1024, 2048], r);
  const H = pick([7, 8, 14], r);
  const U = pick([10, 100, 1000], r);
  const result = summaryResult({
    layers: [{ type: 'input', shape: [C, H, H] }, { type: 'globalavgpool' }, { type: 'dense', units: U }],
  });
  const answer = result.ok ? result.summary.totalParams : Number.NaN;
  return {
    params: { C, H, U },
    prompt: (
      <p>
        A {C}×{H}×{H} volume (channels first) goes through global average pooling and then a dense layer of {U} units
        with biases. How many parameters does the network head have in total?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`\\underbrace{0}_{\\text{pooling}} + ${C}\\cdot ${U} + ${U} = ${formatCount(answer).replace(/,/g, '{,}')}`}
      />
    ),
  };
};
