/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible parameters, its answer and a worked solution; the parameters are
 * exposed as data-params so the e2e test can recompute the answer without trusting the page.
 * Seed 1 of the crop question is the lecture-style case: 32×32 with 4 pixels of padding.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { ScrollBox } from '../../app/ui/ScrollBox';
import { createRng } from '../../engine/tensor/rng';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
/** Rounds away float noise so answers print as the student would write them. */
const clean = (v: number): number => Number(v.toFixed(6));

export const dropoutExpectationExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 41);
  const r = (): number => rng.next();
  const p = pick([0.5, 0.2, 0.25, 0.75, 0.4, 0.8], r);
  const a = pick([0.6, 1.2, 2, 3, 0.9, 1.5, 2.4], r);
  const kept = clean(a / (1 - p));
  return {
    params: { p, a },
    prompt: (
      <p>
        A hidden unit's activation is <TeX tex={`a = ${a}`} />. In training, inverted dropout with rate{' '}
        <TeX tex={`p = ${p}`} /> drops it or keeps it. What does the unit output when it is kept, and what is its
        expected output over many training passes?
      </p>
    ),
    answer: [kept, a],
    inputHint: 'kept, expected',
    solution: (
      <>
        <p>A kept unit is scaled by 1/(1 − p); it is kept with probability 1 − p:</p>
        <TeX
          block
          tex={`\\frac{${a}}{1 - ${p}} = ${kept}, \\qquad \\mathbb{E} = (1 - ${p})\\cdot ${kept} + ${p}\\cdot 0 = ${a}`}
        />
        <p>The expectation is the activation itself, which is why nothing changes at test time.</p>
      </>
    ),
  };
};

export const cropCountExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 42);
  const r = (): number => rng.next();
  const size = seed === 1 ? 32 : pick([28, 32, 24, 64], r);
  const pad = seed === 1 ? 4 : pick([1, 2, 3, 4, 5, 8], r);
  const padded = size + 2 * pad;
  const crops = (padded - size + 1) ** 2;
  return {
    params: { size, pad },
    prompt: (
      <p>
        A {size}×{size} training image is zero-padded by {pad} pixels on every side, and a {size}×{size} window is cut
        from it at a random whole-pixel position. How wide is the padded image, and how many different crops can the
        window give?
      </p>
    ),
    answer: [padded, crops],
    inputHint: 'width, crops',
    solution: (
      <>
        <p>The padded side, then the positions along each axis, squared:</p>
        <TeX
          block
          tex={`${size} + 2\\cdot ${pad} = ${padded}, \\qquad (${padded} - ${size} + 1)^2 = ${2 * pad + 1}^2 = ${crops}`}
        />
        <p>With horizontal flips as well, twice as many: {2 * crops}.</p>
      </>
    ),
  };
};

/** A U-shaped validation curve with noise: falls, bottoms out, then rises as the model overfits. */
function validationLosses(r: () => number): number[] {
  const epochs = 8 + Math.floor(r() * 3);
  const bottom = 3 + Math.floor(r() * (epochs - 5));
  return Array.from({ length: epochs }, (_, i) => {
    const e = i + 1;
    const shape = e <= bottom ? 0.35 + 0.9 / e : 0.35 + 0.9 / bottom + 0.04 * (e - bottom);
    return Number((shape + (r() - 0.5) * 0.05).toFixed(3));
  });
}

export const earlyStopExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 43);
  const r = (): number => rng.next();
  const losses = validationLosses(r);
  const patience = 2;
  // The rule: keep the best so far; stop once `patience` epochs in a row have not beaten it.
  let best = 1;
  let stop = losses.length;
  for (let e = 2; e <= losses.length; e++) {
    if (losses[e - 1]! < losses[best - 1]!) best = e;
    else if (e - best >= patience) {
      stop = e;
      break;
    }
  }
  return {
    params: { losses: losses.join(','), patience },
    prompt: (
      <>
        <p>
          A run prints its validation loss after each epoch. Early stopping with a patience of {patience} epochs stops
          once {patience} epochs in a row fail to beat the best so far, and keeps the best one. After which epoch does
          it stop, and which epoch's weights does it keep?
        </p>
        <ScrollBox className="reg-scroll reg-scroll--fit" label="Validation loss per epoch">
          <table className="reg-table">
            <tbody>
              <tr>
                <th scope="row">epoch</th>
                {losses.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: epochs are positions.
                  <td key={i}>{i + 1}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">val. loss</th>
                {losses.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: epochs are positions.
                  <td key={i}>{l.toFixed(3)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      </>
    ),
    answer: [stop, best],
    inputHint: 'stops after, kept',
    solution: (
      <p>
        The best validation loss up to the stop is {losses[best - 1]!.toFixed(3)} at epoch {best}.{' '}
        {stop < losses.length || stop - best >= patience
          ? `Epochs ${best + 1} to ${best + patience} do not beat it, so training stops after epoch ${stop} and keeps epoch ${best}.`
          : `The run ends at epoch ${stop} before ${patience} epochs pass without improvement, and keeps epoch ${best}.`}
      </p>
    ),
  };
};

export const l2StepExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 44);
  const r = (): number => rng.next();
  const w = pick([0.8, -1.5, 2, 0.5, -0.4, 1.2], r);
  const g = pick([0.3, -0.2, 0.5, 0, 1, -0.6], r);
  const lr = pick([0.1, 0.05, 0.01, 0.5], r);
  const lambda = pick([0.01, 0.05, 0.1, 0.5], r);
  const answer = clean(w - lr * (g + 2 * lambda * w));
  return {
    params: { w, g, lr, lambda },
    prompt: (
      <p>
        A weight is <TeX tex={`w = ${w}`} /> and the data loss's gradient is{' '}
        <TeX tex={`\\partial L_{\\text{data}}/\\partial w = ${g}`} />. The loss adds the L2 penalty{' '}
        <TeX tex={`\\lambda \\sum w^2`} /> with <TeX tex={`\\lambda = ${lambda}`} />. What is <TeX tex="w" /> after one
        plain gradient-descent step with <TeX tex={`\\alpha = ${lr}`} />?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <p>The penalty adds 2λw to the gradient; equivalently the weight first shrinks by 1 − 2αλ:</p>
        <TeX
          block
          tex={`${w} - ${lr}\\,(${g} + 2\\cdot ${lambda}\\cdot ${w}) = (1 - 2\\cdot${lr}\\cdot${lambda})\\cdot ${w} - ${lr}\\cdot ${g} = ${answer}`}
        />
      </>
    ),
  };
};
