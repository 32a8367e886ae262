/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but hand-friendly numbers (answers are exact decimals), its answer and a worked
 * solution. Parameters are exposed as data-params so the e2e test recomputes the answer itself.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
/** Rounds away float noise so answers print as the student would write them. */
const clean = (v: number): number => Number(v.toFixed(6));
const paren = (v: number): string => (v < 0 ? `(${v})` : String(v));

export const batchStatsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 41);
  const r = (): number => rng.next();
  const mu = pick([2, 3, 5, 10, -1, 7], r);
  const a = pick([1, 2, 3], r);
  const b = pick([1, 2, 4, 5], r);
  // Deviations ±a, ±b in a shuffled order: the mean is exact and σ² = (a² + b²) / 2.
  const order = pick(
    [
      [-a, b, a, -b],
      [a, -b, -a, b],
      [b, a, -b, -a],
    ],
    r,
  );
  const xs = order.map((d) => mu + d);
  const variance = clean((a * a + b * b) / 2);
  return {
    params: { x1: xs[0]!, x2: xs[1]!, x3: xs[2]!, x4: xs[3]! },
    prompt: (
      <p>
        A mini-batch holds four values of one feature: <TeX tex={xs.join(',\\ ')} />. What are its mean{' '}
        <TeX tex="\mu_{\mathcal{B}}" /> and variance <TeX tex="\sigma^2_{\mathcal{B}}" /> as the algorithm computes
        them?
      </p>
    ),
    answer: [mu, variance],
    inputHint: 'two numbers: μ then σ²',
    solution: (
      <>
        <p>Average the values, then average the squared distances from that mean (dividing by m = 4, not 3):</p>
        <TeX
          block
          tex={`\\begin{aligned} \\mu_{\\mathcal{B}} &= \\tfrac{1}{4}(${xs.map(paren).join(' + ')}) = ${mu} \\\\ \\sigma^2_{\\mathcal{B}} &= \\tfrac{1}{4}(${order.map((d) => `${paren(d)}^2`).join(' + ')}) = ${variance} \\end{aligned}`}
        />
      </>
    ),
  };
};

export const normaliseValueExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 42);
  const r = (): number => rng.next();
  const mu = pick([1, 4, 10, -2, 6], r);
  const sigma = pick([2, 4, 5], r);
  const x = mu + pick([-3, -1, 1, 3, 6], r);
  const gamma = pick([0.5, 2, 1.5, 3], r);
  const beta = pick([0, 1, -1, 0.5], r);
  const xhat = clean((x - mu) / sigma);
  const y = clean(gamma * xhat + beta);
  return {
    params: { mu, variance: sigma * sigma, x, gamma, beta },
    prompt: (
      <p>
        A feature's mini-batch has <TeX tex={`\\mu_{\\mathcal{B}} = ${mu}`} /> and{' '}
        <TeX tex={`\\sigma^2_{\\mathcal{B}} = ${sigma * sigma}`} />. The layer has{' '}
        <TeX tex={`\\gamma = ${gamma},\\ \\beta = ${beta}`} />; ignore <TeX tex="\epsilon" />. For the example with{' '}
        <TeX tex={`x = ${x}`} />, give <TeX tex="\hat{x}" /> and <TeX tex="y" />.
      </p>
    ),
    answer: [xhat, y],
    inputHint: 'two numbers: x̂ then y',
    solution: (
      <>
        <p>Normalise with the batch's statistics, then scale by γ and shift by β:</p>
        <TeX
          block
          tex={`\\begin{aligned} \\hat{x} &= \\frac{${x} - ${paren(mu)}}{\\sqrt{${sigma * sigma}}} = \\frac{${x - mu}}{${sigma}} = ${xhat} \\\\ y &= ${gamma}\\times ${paren(xhat)} + ${paren(beta)} = ${y} \\end{aligned}`}
        />
      </>
    ),
  };
};

export const identityExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 43);
  const r = (): number => rng.next();
  const sigma = pick([2, 3, 4, 5, 0.5, 1.5], r);
  const mu = pick([-4, -1, 2, 3, 8, 12], r);
  const variance = clean(sigma * sigma);
  return {
    params: { mu, variance },
    prompt: (
      <p>
        A batch-norm unit sees a mini-batch with <TeX tex={`\\mu_{\\mathcal{B}} = ${mu}`} /> and{' '}
        <TeX tex={`\\sigma^2_{\\mathcal{B}} = ${variance}`} />. Which <TeX tex="\gamma" /> and <TeX tex="\beta" /> make
        its output equal its input, <TeX tex="y_i = x_i" /> (ignore <TeX tex="\epsilon" />
        )?
      </p>
    ),
    answer: [sigma, mu],
    inputHint: 'two numbers: γ then β',
    solution: (
      <>
        <p>Undo the normalisation: multiply by the standard deviation, add the mean back.</p>
        <TeX
          block
          tex={`y_i = \\gamma\\,\\frac{x_i - \\mu_{\\mathcal{B}}}{\\sigma_{\\mathcal{B}}} + \\beta = x_i \\iff \\gamma = \\sqrt{${variance}} = ${sigma},\\quad \\beta = ${mu}`}
        />
        <p>So batch norm can always fall back to doing nothing; training decides whether it should.</p>
      </>
    ),
  };
};

export const runningMeanExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 44);
  const r = (): number => rng.next();
  const m1 = pick([2, 4, 5, 10, -3], r);
  const m2 = pick([3, 6, 8, 1, -2], r);
  const after1 = clean(0.1 * m1);
  const answer = clean(0.9 * after1 + 0.1 * m2);
  return {
    params: { m1, m2 },
    prompt: (
      <p>
        A new batch-norm layer starts with running mean 0 and momentum 0.1 (PyTorch's convention). The first two
        training batches have means <TeX tex={`${m1}`} /> and <TeX tex={`${m2}`} />. What is the running mean after
        both?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <>
        <p>Each batch moves the running value a tenth of the way towards the batch's:</p>
        <TeX
          block
          tex={`\\begin{aligned} r_1 &= 0.9\\times 0 + 0.1\\times ${paren(m1)} = ${after1} \\\\ r_2 &= 0.9\\times ${paren(after1)} + 0.1\\times ${paren(m2)} = ${answer} \\end{aligned}`}
        />
        <p>Far from the batch means yet: the running statistics need tens of batches to settle.</p>
      </>
    ),
  };
};
