/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible parameters, its answer and a worked solution. Parameters are returned
 * too (as data-params) so the e2e test can recompute the answer without trusting the page.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';
import { count } from './format';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
/** Rounds away float noise so answers print as the student would write them. */
const clean = (v: number): number => Number(v.toFixed(6));
const tex = (v: number): string => count(v).replace(/,/g, '{,}');

export const iterationsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 31);
  const r = (): number => rng.next();
  const B = pick([16, 32, 64, 100, 128, 256, 500, 1000], r);
  const N = pick([10_000, 50_000, 55_000, 60_000, 45_000, 12_345], r) + (r() < 0.5 ? 0 : Math.floor(r() * 97));
  const answer = Math.ceil(N / B);
  return {
    params: { N, B },
    prompt: (
      <p>
        A training set has {count(N)} images and the batch size is {count(B)}. How many iterations make one epoch?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <>
        <p>
          One iteration uses one batch; an epoch is one pass over all the data, and a final partial batch still takes an
          iteration:
        </p>
        <TeX
          block
          tex={`\\left\\lceil \\frac{${tex(N)}}{${tex(B)}} \\right\\rceil = \\lceil ${clean(N / B)} \\rceil = ${tex(answer)}`}
        />
      </>
    ),
  };
};

export const sgdUpdateExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 32);
  const r = (): number => rng.next();
  const w = Math.round((r() * 4 - 2) * 10) / 10 || 0.5;
  const g = Math.round((r() * 6 - 3) * 10) / 10 || -1.2;
  const lr = pick([0.1, 0.05, 0.01, 0.2, 0.5], r);
  const answer = clean(w - lr * g);
  return {
    params: { w, g, lr },
    prompt: (
      <p>
        A weight is <TeX tex={`w = ${w}`} /> and backprop gives <TeX tex={`\\partial L/\\partial w = ${g}`} />. With
        learning rate <TeX tex={`\\alpha = ${lr}`} />, what is <TeX tex="w" /> after one plain gradient-descent update?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <p>Step against the gradient, scaled by the learning rate:</p>
        <TeX block tex={`w - \\alpha\\,\\frac{\\partial L}{\\partial w} = ${w} - ${lr}\\times(${g}) = ${answer}`} />
      </>
    ),
  };
};

export const momentumStepExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 33);
  const r = (): number => rng.next();
  const mu = pick([0.9, 0.5, 0.8], r);
  const lr = pick([0.1, 0.01, 0.05], r);
  const v = Math.round((r() * 2 - 1) * 10) / 10;
  const w = Math.round((r() * 4 - 2) * 10) / 10 || 1;
  const g = Math.round((r() * 4 - 2) * 10) / 10 || 0.8;
  const vNew = clean(mu * v - lr * g);
  const wNew = clean(w + vNew);
  return {
    params: { mu, lr, v, w, g },
    prompt: (
      <p>
        Momentum keeps a velocity: <TeX tex="v \leftarrow \mu v - \alpha g,\; w \leftarrow w + v" />. With{' '}
        <TeX tex={`\\mu = ${mu},\\ \\alpha = ${lr}`} />, current velocity <TeX tex={`v = ${v}`} />, weight{' '}
        <TeX tex={`w = ${w}`} /> and gradient <TeX tex={`g = ${g}`} />, give the new <TeX tex="v" /> and the new{' '}
        <TeX tex="w" />.
      </p>
    ),
    answer: [vNew, wNew],
    inputHint: 'two numbers: v then w',
    solution: (
      <>
        <p>First the velocity, then move the weight by it:</p>
        <TeX
          block
          tex={`\\begin{aligned} v &= ${mu}\\times(${v}) - ${lr}\\times(${g}) = ${vNew} \\\\ w &= ${w} + (${vNew}) = ${wNew} \\end{aligned}`}
        />
      </>
    ),
  };
};

export const stableRateExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 34);
  const c = pick([2, 4, 5, 8, 10, 20, 25, 40], () => rng.next());
  const answer = clean(2 / c);
  return {
    params: { c },
    prompt: (
      <p>
        On <TeX tex={`L(w) = \\tfrac{1}{2}\\cdot ${c}\\, w^2`} /> one gradient-descent step maps{' '}
        <TeX tex={`w \\mapsto w - \\alpha\\cdot ${c}w = (1 - ${c}\\alpha)\\,w`} />. Above which learning rate does the
        run diverge?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <p>
          The run shrinks only while the factor stays inside <TeX tex="(-1, 1)" />. It reaches <TeX tex="-1" /> when
        </p>
        <TeX block tex={`1 - ${c}\\alpha = -1 \\iff \\alpha = \\frac{2}{${c}} = ${answer}`} />
        <p>Steeper directions (larger curvature) force a smaller learning rate.</p>
      </>
    ),
  };
};
