/**
 * "Predict, then check" generators for the convolution lesson. Each seed gives a fresh small
 * input and kernel (or sizes); the answer comes from the engine via correlate.ts, and the
 * parameters are returned (as comma-separated strings for grids) so the e2e test can recompute
 * the answer with its own arithmetic.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';
import { correlate, flipKernel, patchAt, validSize } from './correlate';
import { fmt, texFactor } from './squares';

type R = () => number;
const between = (lo: number, hi: number, r: R): number => lo + Math.floor(r() * (hi - lo + 1));
const grid = (count: number, lo: number, hi: number, r: R): number[] =>
  Array.from({ length: count }, () => between(lo, hi, r));
const matrix = (values: readonly number[], k: number): string => {
  const rows = Array.from({ length: values.length / k }, (_, i) =>
    values
      .slice(i * k, i * k + k)
      .map(fmt)
      .join(' & '),
  );
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
};
const products = (patch: readonly number[], kernel: readonly number[]): string =>
  patch.map((p, i) => `${texFactor(p)}\\cdot ${texFactor(kernel[i]!)}`).join(' + ');

interface Setup {
  readonly n: number;
  readonly k: number;
  readonly input: number[];
  readonly kernel: number[];
  readonly row: number;
  readonly col: number;
}

function setup(seed: number, salt: number): Setup {
  const rng = createRng(seed * 7919 + salt);
  const r: R = () => rng.next();
  const k = between(2, 3, r);
  const n = between(k + 1, 4, r);
  const out = validSize(n, k);
  return {
    n,
    k,
    input: grid(n * n, 0, 9, r),
    kernel: grid(k * k, -2, 3, r),
    row: between(0, out - 1, r),
    col: between(0, out - 1, r),
  };
}

function windowQuestion(s: Setup, flipped: boolean): { answer: number; working: string } {
  const slid = flipped ? flipKernel(s.kernel) : s.kernel;
  const image = { rows: s.n, cols: s.n, values: s.input };
  const y = correlate(image, slid, s.k);
  const answer = y.values[s.row * y.cols + s.col]!;
  return { answer, working: `${products(patchAt(image, s.k, s.row, s.col), slid)} = ${fmt(answer)}` };
}

const paramsOf = (s: Setup): Record<string, number | string> => ({
  n: s.n,
  k: s.k,
  row: s.row,
  col: s.col,
  input: s.input.join(','),
  kernel: s.kernel.join(','),
});

export const outputValueExercise: ExerciseGenerator = (seed) => {
  const s = setup(seed, 11);
  const { answer, working } = windowQuestion(s, false);
  return {
    params: paramsOf(s),
    prompt: (
      <p>
        Cross-correlate <TeX tex={`X = ${matrix(s.input, s.n)}`} /> with <TeX tex={`K = ${matrix(s.kernel, s.k)}`} />{' '}
        (stride 1, no padding). What is the output <TeX tex={`y_{${s.row},${s.col}}`} />, counting rows and columns from
        0?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <p>
          Put the kernel's top-left weight on input row {s.row}, column {s.col}, multiply each pair that lines up, and
          add:
        </p>
        <TeX block tex={`y_{${s.row},${s.col}} = ${working}`} />
      </>
    ),
  };
};

export const trueConvolutionExercise: ExerciseGenerator = (seed) => {
  const s = setup(seed, 23);
  const { answer, working } = windowQuestion(s, true);
  return {
    params: paramsOf(s),
    prompt: (
      <p>
        This time compute a true <em>convolution</em> (the textbook definition, kernel flipped) of{' '}
        <TeX tex={`X = ${matrix(s.input, s.n)}`} /> with <TeX tex={`K = ${matrix(s.kernel, s.k)}`} /> (no padding). What
        is the output at row {s.row}, column {s.col}?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <p>Rotate the kernel by 180° first, then slide it exactly as in cross-correlation:</p>
        <TeX block tex={`K_{\\text{flipped}} = ${matrix(flipKernel(s.kernel), s.k)}`} />
        <TeX block tex={`y_{${s.row},${s.col}} = ${working}`} />
      </>
    ),
  };
};

export const multiplyAddsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 37);
  const r: R = () => rng.next();
  const f = between(2, 5, r);
  const n = between(f + 2, 32, r);
  const out = validSize(n, f);
  const answer = out * out * f * f;
  return {
    params: { n, f },
    prompt: (
      <p>
        A single {f}×{f} kernel slides over a {n}×{n} single-channel image with stride 1 and no padding. How many
        multiplications does computing the whole output map take?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <>
        <p>
          The window fits in <TeX tex={`${n} - ${f} + 1 = ${out}`} /> positions along each axis, so the output is {out}×
          {out}. Each output value is a dot product of <TeX tex={`${f}\\cdot${f} = ${f * f}`} /> pairs:
        </p>
        <TeX
          block
          tex={`${out}\\cdot ${out}\\cdot ${f * f} = ${answer.toLocaleString('en-US').replace(/,/g, '{,}')}`}
        />
      </>
    ),
  };
};
