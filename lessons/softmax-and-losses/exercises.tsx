/**
 * "Predict, then check" generators for the softmax and losses lesson. Numbers come from a seed;
 * answers from the engine (scores.ts, losses.ts); `params` let the e2e test recompute them.
 */

import type { Verdict } from '../../app/ui/answers';
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { l2Penalty } from '../../engine/cpu/losses';
import { createRng } from '../../engine/tensor/rng';
import { CLASSES, hinge, hingeTerm, negLog, softmax, tidy } from './scores';

function within(answer: number, tolerance: number): (input: string) => Verdict {
  return (input) => {
    const v = Number(input.trim());
    if (input.trim() === '' || !Number.isFinite(v)) return { ok: false, reason: 'Type a single number.' };
    return Math.abs(v - answer) <= tolerance ? { ok: true } : { ok: false };
  };
}

export const softmaxProbExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 5003 + 31);
  const scores = [rng.int(5) - 1, rng.int(5) - 1, rng.int(5) - 1];
  const k = rng.int(3);
  const p = softmax(scores)[k]!;
  const answer = Number(p.toFixed(6));
  const exps = scores.map((s) => Math.exp(s));
  return {
    params: { scores: scores.join(' '), k },
    prompt: (
      <p>
        A classifier gives the scores <TeX tex={`s = [${scores.join(',\\ ')}]`} /> for ({CLASSES.join(', ')}). What
        probability does the softmax give to <strong>{CLASSES[k]}</strong>? Three decimal places.
      </p>
    ),
    answer,
    check: within(answer, 0.0006),
    inputHint: 'e.g. 0.245',
    solution: (
      <TeX
        block
        tex={`\\frac{e^{${scores[k]}}}{${scores.map((s) => `e^{${s}}`).join(' + ')}} = \\frac{${exps[k]!.toFixed(3)}}{${exps.reduce((a, b) => a + b, 0).toFixed(3)}} \\approx ${answer.toFixed(3)}`}
      />
    ),
  };
};

export const crossEntropyExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 2741 + 32);
  const p = [0.05, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.95][rng.int(11)]!;
  const answer = Number(negLog(p).toFixed(6));
  return {
    params: { p },
    prompt: (
      <p>
        The model gives the true class probability <TeX tex={`p = ${p}`} />. What is its cross-entropy loss (natural
        log)? Three decimal places.
      </p>
    ),
    answer,
    check: within(answer, 0.0006),
    inputHint: 'e.g. 2.303',
    solution: <TeX block tex={`L = -\\ln(${p}) \\approx ${answer.toFixed(3)}`} />,
  };
};

export const hingeLossExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 8191 + 33);
  const scores = [0, 0, 0].map(() => (rng.int(61) - 20) / 10);
  const y = rng.int(3);
  const answer = Number(hinge(scores, y).toFixed(6));
  const others = [0, 1, 2].filter((j) => j !== y);
  const paren = (v: number): string => (v < 0 ? `(${v})` : String(v));
  return {
    params: { scores: scores.join(' '), y },
    prompt: (
      <p>
        An image of a <strong>{CLASSES[y]}</strong> gets the scores <TeX tex={`[${scores.join(',\\ ')}]`} /> for (
        {CLASSES.join(', ')}). What is its multiclass SVM loss with margin 1?
      </p>
    ),
    answer,
    check: within(answer, 0.0005),
    inputHint: 'a number, e.g. 2.9',
    solution: (
      <TeX
        block
        tex={`${others.map((j) => `\\max(0,\\ ${paren(scores[j]!)} - ${paren(scores[y]!)} + 1)`).join(' + ')} = ${others.map((j) => tidy(hingeTerm(scores, y, j))).join(' + ')} = ${tidy(answer)}`}
      />
    ),
  };
};

export const l2PenaltyExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 6151 + 34);
  const w = [0, 0, 0, 0].map(() => (rng.int(9) - 4) / 2);
  const lambda = [0.1, 0.5, 1, 2][rng.int(4)]!;
  const answer = Number(l2Penalty(Float32Array.from(w), lambda).toFixed(6));
  return {
    params: { w: w.join(' '), lambda },
    prompt: (
      <p>
        What L2 penalty <TeX tex="\lambda \sum_i w_i^2" /> does <TeX tex={`w = [${w.join(',\\ ')}]`} /> pay with{' '}
        <TeX tex={`\\lambda = ${lambda}`} />?
      </p>
    ),
    answer,
    check: within(answer, 0.0005),
    inputHint: 'a number',
    solution: (
      <TeX
        block
        tex={`${lambda}\\cdot(${w.map((v) => (v < 0 ? `(${v})^2` : `${v}^2`)).join(' + ')}) = ${lambda}\\cdot ${tidy(w.reduce((s, v) => s + v * v, 0))} = ${tidy(answer)}`}
      />
    ),
  };
};
