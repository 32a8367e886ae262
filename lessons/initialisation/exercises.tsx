/**
 * "Predict, then check" generators for the initialisation lesson. Each draws its numbers from a
 * seed and returns them as `params`, so the e2e test can recompute the answer independently.
 */
import type { Verdict } from '../../app/ui/answers';
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';

/** Accepts any number within `relative` of `answer` (answers rounded by hand, or in e-notation). */
function withinRelative(answer: number, relative: number): (input: string) => Verdict {
  return (input) => {
    const v = Number(
      input
        .trim()
        .replace(/×\s*10\^?/, 'e')
        .replace(/\s+/g, ''),
    );
    if (input.trim() === '' || !Number.isFinite(v)) return { ok: false, reason: 'Type a single number, e.g. 3.2e-7.' };
    return Math.abs(v - answer) <= relative * Math.abs(answer) ? { ok: true } : { ok: false };
  };
}

const sci = (v: number): string =>
  v.toExponential(2).replace(/e([+-]\d+)/, (_, e: string) => `\\times 10^{${Number(e)}}`);

export const collapseExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 6113 + 21);
  const n = [100, 200, 400, 500, 900][rng.int(5)]!;
  const layers = 4 + rng.int(7); // 4 … 10
  const factor = 0.01 * Math.sqrt(n);
  const answer = factor ** layers;
  return {
    params: { n, layers, sigma: 0.01 },
    prompt: (
      <p>
        A stack of {layers} tanh layers, {n} units each, no biases, weights drawn from{' '}
        <TeX tex="\mathcal{N}(0,\,0.01^2)" />, is fed inputs with standard deviation 1. Treat tanh as the identity (its
        inputs stay tiny). What is the standard deviation of layer {layers}’s activations? Within 3% counts.
      </p>
    ),
    answer: answer.toExponential(2), // shown as the answer; the check compares numbers
    check: withinRelative(answer, 0.03),
    inputHint: 'e.g. 3.2e-7',
    solution: (
      <>
        <p>
          Each layer multiplies the variance by <TeX tex="n\,\mathrm{Var}(w)" />, so the standard deviation by{' '}
          <TeX tex={`\\sqrt{${n}}\\cdot 0.01 = ${factor.toPrecision(4)}`} />. After {layers} layers:
        </p>
        <TeX block tex={`${factor.toPrecision(4)}^{${layers}} \\approx ${sci(answer)}`} />
      </>
    ),
  };
};

export const xavierVarianceExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 2909 + 22);
  const nIn = 50 * (1 + rng.int(20)); // 50 … 1000
  const answer = 1 / nIn;
  return {
    params: { nIn },
    prompt: (
      <p>
        A layer has <TeX tex={`n_{in} = ${nIn}`} /> inputs per unit. What variance <TeX tex="\mathrm{Var}(w)" /> does
        Xavier initialisation (the fan-in form, as in the lecture) give its weights?
      </p>
    ),
    answer: String(Number(answer.toPrecision(4))),
    check: withinRelative(answer, 0.01),
    inputHint: 'a number, e.g. 0.001',
    solution: (
      <TeX
        block
        tex={`\\mathrm{Var}(w) = \\frac{1}{n_{in}} = \\frac{1}{${nIn}} = ${Number(answer.toPrecision(4))},\\qquad \\sigma = \\sqrt{1/${nIn}} \\approx ${Math.sqrt(answer).toPrecision(4)}`}
      />
    ),
  };
};

const ACTIVATION_NAMES = ['tanh', 'ReLU', 'leaky ReLU'] as const;

export const whichInitExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 4421 + 23);
  const activation = ACTIVATION_NAMES[rng.int(ACTIVATION_NAMES.length)]!;
  const answer = activation === 'tanh' ? 'xavier' : 'he';
  const aliases =
    answer === 'he' ? ['he', 'kaiming', 'he init', 'he initialisation', 'he initialization'] : ['xavier', 'glorot'];
  return {
    params: { activation },
    prompt: (
      <p>
        A 10-layer network of 500 units per layer uses <strong>{activation}</strong> everywhere. Which initialisation
        keeps the spread of its activations steady from layer to layer: Xavier or He?
      </p>
    ),
    answer,
    check: (input) => (aliases.includes(input.trim().toLowerCase()) ? { ok: true } : { ok: false }),
    inputHint: 'xavier or he',
    solution:
      answer === 'xavier' ? (
        <p>
          Xavier. Near 0, tanh has slope 1 and is symmetric, so <TeX tex="\mathrm{Var}(w) = 1/n_{in}" /> keeps{' '}
          <TeX tex="n\,\mathrm{Var}(w) = 1" /> and the variance passes through unchanged.
        </p>
      ) : (
        <p>
          He. A {activation} unit lets through (almost) only the positive half of its input, which halves the mean
          square at every layer. <TeX tex="\mathrm{Var}(w) = 2/n_{in}" /> doubles it back; with Xavier the signal would
          shrink by half in mean square per layer.
        </p>
      ),
  };
};

export const reluHalvingExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 8081 + 24);
  const layers = 2 + rng.int(9); // 2 … 10
  const answer = 0.5 ** layers;
  return {
    params: { layers },
    prompt: (
      <p>
        A ReLU network with 500 units per layer is initialised with Xavier, <TeX tex="\mathrm{Var}(w) = 1/500" />, and
        fed inputs with <TeX tex="\mathbb{E}[x^2] = 1" />. What is the mean square <TeX tex="\mathbb{E}[a^2]" /> of
        layer {layers}’s activations?
      </p>
    ),
    answer: String(answer),
    check: withinRelative(answer, 0.01),
    inputHint: 'a number, e.g. 0.25',
    solution: (
      <>
        <p>
          Each layer’s input to the ReLU has variance{' '}
          <TeX tex="n\,\mathrm{Var}(w)\,\mathbb{E}[a^2] = \mathbb{E}[a^2]" />, and the ReLU keeps only the positive half
          of a symmetric distribution, so half of it:
        </p>
        <TeX block tex={`\\mathbb{E}[a_{${layers}}^2] = \\left(\\tfrac12\\right)^{${layers}} = ${answer}`} />
      </>
    ),
  };
};
