/**
 * "Predict, then check" generators for the activations lesson. Each draws its numbers from a
 * seed, computes the answer with the engine (functions.ts) and returns `params` so the e2e test
 * can recompute the answer independently.
 */

import type { Verdict } from '../../app/ui/answers';
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';
import { ACTIVATIONS, type ActivationId, evaluate } from './functions';

const tidy = (v: number): number => Number(v.toFixed(6));

/** Accepts any number within `tolerance` of `answer` (for answers rounded by hand). */
function within(answer: number, tolerance: number): (input: string) => Verdict {
  return (input) => {
    const v = Number(input.trim());
    if (input.trim() === '' || !Number.isFinite(v)) return { ok: false, reason: 'Type a single number.' };
    return Math.abs(v - answer) <= tolerance ? { ok: true } : { ok: false };
  };
}

export const sigmoidSlopeExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7001 + 11);
  const x = (rng.int(13) - 6) / 2; // −3 … 3 in steps of 0.5
  const { y, dydx } = evaluate('sigmoid', x);
  const answer = tidy(dydx);
  return {
    params: { x },
    prompt: (
      <p>
        What is the sigmoid’s derivative <TeX tex={`\\sigma'(x)`} /> at <TeX tex={`x = ${x}`} />? Give three decimal
        places.
      </p>
    ),
    answer,
    check: within(answer, 0.0006),
    inputHint: 'e.g. 0.105',
    solution: (
      <TeX
        block
        tex={`\\sigma(${x}) = \\frac{1}{1+e^{${-x}}} \\approx ${y.toFixed(4)},\\quad \\sigma'(${x}) = \\sigma(${x})\\,(1-\\sigma(${x})) \\approx ${answer.toFixed(4)}`}
      />
    ),
  };
};

export const sigmoidChainExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 4099 + 12);
  const n = 2 + rng.int(5);
  const answer = 0.25 ** n;
  return {
    params: { n },
    prompt: (
      <p>
        A signal passes through {n} sigmoid units in a row (weights 1). What is the largest factor by which the gradient
        can be multiplied on its way back through all {n} of them?
      </p>
    ),
    answer,
    inputHint: 'a number, e.g. 0.5',
    solution: (
      <>
        <p>
          Each unit multiplies the gradient by its local derivative, and{' '}
          <TeX tex="\sigma'(x) = \sigma(x)(1-\sigma(x))" /> is largest at <TeX tex="x = 0" />, where it is{' '}
          <TeX tex="0.5 \cdot 0.5 = 0.25" />. So at best:
        </p>
        <TeX block tex={`0.25^{${n}} = ${answer}`} />
      </>
    ),
  };
};

const CENTRED: Partial<Record<ActivationId, boolean>> = {
  sigmoid: false,
  tanh: true,
  relu: false,
  softplus: false,
};

export const zeroCentredExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 3301 + 13);
  const ids = Object.keys(CENTRED) as ActivationId[];
  const id = ids[rng.int(ids.length)]!;
  const label = ACTIVATIONS.find((a) => a.id === id)!.label;
  const centred = CENTRED[id]!;
  const low = evaluate(id, -20).y;
  const high = evaluate(id, 20).y;
  return {
    params: { activation: id },
    prompt: (
      <p>
        Are the outputs of <strong>{label}</strong> zero-centred, that is, spread on both sides of zero for inputs
        spread around zero? Answer yes or no.
      </p>
    ),
    answer: centred ? 'yes' : 'no',
    inputHint: 'yes or no',
    solution: (
      <p>
        Its outputs run from about {low.toFixed(2)} (for very negative x) to {high.toFixed(2)} (for very positive x).{' '}
        {centred
          ? 'It is an odd function, f(−x) = −f(x), so positive and negative outputs balance around zero.'
          : 'It never outputs a negative number, so its outputs all sit on one side of zero.'}
      </p>
    ),
  };
};

export const leakyReluExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 9173 + 14);
  const alpha = [0.01, 0.1, 0.2][rng.int(3)]!;
  const x = (rng.int(9) - 6) * 0.5 || -1; // mostly negative, never 0 (the kink)
  const { y, dydx } = evaluate('leakyRelu', x, { leak: alpha, preluSlope: 0.25, eluAlpha: 1, maxout: [1, 0, -0.5, 0] });
  const answer = [tidy(y), tidy(dydx)];
  return {
    params: { x, alpha },
    prompt: (
      <p>
        A Leaky ReLU with slope <TeX tex={`\\alpha = ${alpha}`} /> receives <TeX tex={`x = ${x}`} />. Give its output{' '}
        <TeX tex="f(x)" /> and its derivative <TeX tex="f'(x)" />, separated by a space.
      </p>
    ),
    answer,
    inputHint: 'two numbers, e.g. 1 1',
    solution: (
      <TeX
        block
        tex={
          x > 0
            ? `x > 0:\\quad f(${x}) = ${x},\\quad f'(${x}) = 1`
            : `x < 0:\\quad f(${x}) = ${alpha}\\cdot(${x}) = ${answer[0]},\\quad f'(${x}) = \\alpha = ${alpha}`
        }
      />
    ),
  };
};
