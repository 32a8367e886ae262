/**
 * "Predict, then check" generators for padding, stride and dilation. Every answer comes from
 * engine/spec/arithmetic; each seed draws fresh sizes (retrying until the case is the kind the
 * question needs: a stride that fits, or one that does not), and the parameters are returned so
 * the e2e test can recompute the answer with its own arithmetic.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { effectiveKernel, fittingPaddings, outputSize, samePadding } from '../../engine/spec/arithmetic';
import { createRng, type Rng } from '../../engine/tensor/rng';

const between = (lo: number, hi: number, rng: Rng): number => lo + rng.int(hi - lo + 1);
const pick = <T,>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)]!;

export const outputSizeExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 101);
  for (;;) {
    const n = pick([5, 7, 9, 11, 28, 32, 64, 224], rng);
    const f = pick([1, 3, 5, 7], rng);
    const p = between(0, 3, rng);
    const s = between(1, 3, rng);
    const r = outputSize({ size: n, kernel: f, stride: s, padStart: p });
    if (!r.ok || f > n) continue;
    return {
      params: { n, f, p, s },
      prompt: (
        <p>
          A {f}×{f} convolution with stride {s} and zero padding {p} is applied to a {n}×{n} input. What is the output's
          width?
        </p>
      ),
      answer: r.value,
      inputHint: 'a whole number',
      solution: <TeX block tex={`W_2 = \\frac{${n} - ${f} + 2\\cdot ${p}}{${s}} + 1 = ${r.value}`} />,
    };
  }
};

export const effectiveKernelExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 202);
  const f = between(2, 7, rng);
  const d = between(2, 6, rng);
  const span = effectiveKernel(f, d);
  return {
    params: { f, d },
    prompt: (
      <p>
        A {f}×{f} kernel is used with dilation {d}. How many pixels wide is the square it covers (its effective kernel
        size)?
      </p>
    ),
    answer: span,
    inputHint: 'a whole number',
    solution: (
      <>
        <p>
          There are {f - 1} gaps between the {f} taps along a row, and each gap is {d} pixels wide, plus the last tap:
        </p>
        <TeX block tex={`F_{\\text{eff}} = D\\,(F-1)+1 = ${d}\\cdot ${f - 1} + 1 = ${span}`} />
      </>
    ),
  };
};

export const fitPaddingExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 303);
  for (;;) {
    const f = pick([3, 5], rng);
    const s = between(2, 4, rng);
    const n = between(f + 2, 16, rng);
    const bare = outputSize({ size: n, kernel: f, stride: s });
    const fits = fittingPaddings(n, f, s);
    if (bare.ok || fits.length === 0) continue;
    const best = fits[0]!;
    return {
      params: { n, f, s },
      prompt: (
        <p>
          A {f}×{f} kernel with stride {s} does not fit a {n}×{n} input without padding. What is the smallest zero
          padding P (on each side) that makes it fit?
        </p>
      ),
      answer: best.padding,
      inputHint: 'a whole number',
      solution: (
        <>
          <p>
            Without padding, <TeX tex={`(${n} - ${f})/${s} + 1`} /> is not whole. The stride must divide{' '}
            <TeX tex={`${n} + 2P - ${f}`} />; try P = 1, 2, … until it does:
          </p>
          <TeX
            block
            tex={`P = ${best.padding}:\\quad \\frac{${n} + 2\\cdot ${best.padding} - ${f}}{${s}} + 1 = ${best.output}`}
          />
        </>
      ),
    };
  }
};

export const samePaddingExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 404);
  const f = pick([1, 3, 5, 7, 9, 11], rng);
  const n = pick([9, 14, 28, 32, 56, 224], rng);
  const same = samePadding(n, f);
  return {
    params: { n, f },
    prompt: (
      <p>
        You want a {f}×{f} convolution with stride 1 to keep a {n}×{n} input at {n}×{n}. How much zero padding P do you
        add on each side?
      </p>
    ),
    answer: same.padStart,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`P = \\frac{F-1}{2} = \\frac{${f}-1}{2} = ${same.padStart}, \\qquad \\frac{${n} - ${f} + 2\\cdot ${same.padStart}}{1} + 1 = ${same.output}`}
      />
    ),
  };
};
