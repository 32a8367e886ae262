/**
 * The lesson's "predict, then check" generators: the linearity argument by hand. Each returns its
 * numbers as `params` (data-params) so the e2e test can recompute the answer independently.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
const clean = (v: number): number => Number(v.toPrecision(10));
/** A small signed weight with one decimal, never zero. */
const weight = (r: () => number): number => {
  const v = Math.round((r() * 4 - 2) * 10) / 10;
  return v === 0 ? 0.5 : v;
};

export const linearChangeExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 131);
  const r = (): number => rng.next();
  const w = Array.from({ length: 4 }, () => weight(r));
  const eps = pick([0.01, 0.05, 0.1, 0.2], r);
  const l1 = w.reduce((s, v) => s + Math.abs(v), 0);
  const answer = clean(eps * l1);
  return {
    params: { w: w.join(' '), eps },
    prompt: (
      <p>
        A linear unit has weights <TeX tex={`w = (${w.join(',\\ ')})`} />. You add{' '}
        <TeX tex={`\\eta = ${eps}\\,\\operatorname{sign}(w)`} /> to its input. By how much does <TeX tex="w^\top x" />{' '}
        change?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <TeX
        block
        tex={`w^\\top\\eta = \\varepsilon\\lVert w\\rVert_1 = ${eps}\\,(${w.map((v) => Math.abs(v)).join(' + ')}) = ${eps} \\cdot ${clean(l1)} = ${answer}`}
      />
    ),
  };
};

export const manyPixelsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 132);
  const r = (): number => rng.next();
  const n = pick([784, 3072, 150528], r);
  const m = pick([0.01, 0.02, 0.05], r);
  const eps = pick([0.004, 0.01, 0.05], r);
  const answer = clean(eps * m * n);
  const what =
    n === 784 ? 'an MNIST digit (28×28)' : n === 3072 ? 'a CIFAR-10 image (3×32×32)' : 'an ImageNet crop (3×224×224)';
  return {
    params: { n, m, eps },
    prompt: (
      <p>
        A linear score reads every value of {what}, <TeX tex={`n = ${n}`} /> inputs, with weights of average magnitude{' '}
        <TeX tex={`m = ${m}`} />. What is the largest change in the score a perturbation with{' '}
        <TeX tex={`\\lVert\\eta\\rVert_\\infty \\le ${eps}`} /> can make?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <TeX
          block
          tex={`\\varepsilon\\lVert w\\rVert_1 = \\varepsilon\\, m\\, n = ${eps} \\cdot ${m} \\cdot ${n} = ${answer}`}
        />
        <p>The per-input change stays {eps}; the total grows with the number of inputs.</p>
      </>
    ),
  };
};

export const linearScoreExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 133);
  const r = (): number => rng.next();
  const w = Array.from({ length: 3 }, () => weight(r));
  const x = Array.from({ length: 3 }, () => Math.round(r() * 10) / 10);
  const b = pick([0, 0.5, -0.5], r);
  const eps = pick([0.1, 0.2], r);
  const before = clean(w.reduce((s, v, i) => s + v * x[i]!, b));
  const l1 = w.reduce((s, v) => s + Math.abs(v), 0);
  const after = clean(before - eps * l1);
  return {
    params: { w: w.join(' '), x: x.join(' '), b, eps },
    prompt: (
      <p>
        A classifier says “cat” when <TeX tex={`s = w^\\top x + b > 0`} />, with <TeX tex={`w = (${w.join(',\\ ')})`} />
        , <TeX tex={`b = ${b}`} /> and the input <TeX tex={`x = (${x.join(',\\ ')})`} />. To push it away from “cat” you
        step <TeX tex={`x' = x - ${eps}\\,\\operatorname{sign}(w)`} /> (no clipping). What are <TeX tex="s" /> before
        and after?
      </p>
    ),
    answer: [before, after],
    inputHint: 'two numbers: before, then after',
    solution: (
      <TeX
        block
        tex={`\\begin{aligned} s &= ${w.map((v, i) => `(${v})(${x[i]})`).join(' + ')} + (${b}) = ${before} \\\\ s' &= s - \\varepsilon\\lVert w\\rVert_1 = ${before} - ${eps}\\cdot ${clean(l1)} = ${after} \\end{aligned}`}
      />
    ),
  };
};
