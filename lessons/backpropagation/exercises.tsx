/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible parameters, its answer and a worked solution. Parameters are returned
 * too (as data-params) so the e2e test can recompute the answer without trusting the page.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';

/** Rounds away float noise so answers print as the student would write them. */
const clean = (v: number): number => Number(v.toFixed(6));
const oneDecimal = (r: () => number, lo: number, hi: number): number =>
  Math.round((lo + r() * (hi - lo)) * 10) / 10 || 0.5;

export const chainRuleExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 21);
  const r = (): number => rng.next();
  const [g, l2, l1] = [oneDecimal(r, -2, 2), oneDecimal(r, -3, 3), oneDecimal(r, -3, 3)];
  const answer = clean(g * l2 * l1);
  return {
    params: { upstream: g, local2: l2, local1: l1 },
    prompt: (
      <p>
        In a chain <TeX tex="a \to b \to c \to L" />, backprop has reached{' '}
        <TeX tex={`\\partial L/\\partial c = ${g}`} />. The local gradients are{' '}
        <TeX tex={`\\partial c/\\partial b = ${l2}`} /> and <TeX tex={`\\partial b/\\partial a = ${l1}`} />. What is{' '}
        <TeX tex="\partial L/\partial a" />?
      </p>
    ),
    answer,
    inputHint: 'a number, e.g. -1.08',
    solution: (
      <>
        <p>Multiply the gradient that has arrived by each local gradient on the way back:</p>
        <TeX
          block
          tex={`\\frac{\\partial L}{\\partial a} = \\frac{\\partial L}{\\partial c}\\cdot\\frac{\\partial c}{\\partial b}\\cdot\\frac{\\partial b}{\\partial a} = ${g}\\cdot(${l2})\\cdot(${l1}) = ${answer}`}
        />
      </>
    ),
  };
};

export const softmaxGradientExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 22);
  const a = 5 + rng.int(60);
  const b = 5 + rng.int(90 - a);
  const p = [a / 100, b / 100, (100 - a - b) / 100];
  const label = rng.int(3);
  const answer = p.map((v, k) => clean(v - (k === label ? 1 : 0)));
  return {
    params: { p0: p[0]!, p1: p[1]!, p2: p[2]!, label },
    prompt: (
      <p>
        A softmax classifier outputs <TeX tex={`p = (${p.join(',\\ ')})`} /> and the true class is {label}. What is{' '}
        <TeX tex="\partial L/\partial z" /> for the cross-entropy loss? Give all three entries.
      </p>
    ),
    answer,
    inputHint: 'three numbers, e.g. 0.2 -0.5 0.3',
    solution: (
      <>
        <p>
          For softmax followed by cross-entropy the gradient on the scores is <TeX tex="p - y" />, with <TeX tex="y" />{' '}
          the one-hot label:
        </p>
        <TeX
          block
          tex={`(${p.join(',\\ ')}) - (${[0, 1, 2].map((k) => (k === label ? 1 : 0)).join(',\\ ')}) = (${answer.join(',\\ ')})`}
        />
        <p>The entries always add to 0, and only the true class's is negative.</p>
      </>
    ),
  };
};

export const poolSwitchExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 23);
  const values: number[] = [];
  while (values.length < 4) {
    const v = rng.int(20);
    if (!values.includes(v)) values.push(v);
  }
  const g = (rng.int(9) - 4 || 2) / 2;
  const win = values.indexOf(Math.max(...values));
  const answer = values.map((_, i) => (i === win ? g : 0));
  const [a, b, c, d] = values as [number, number, number, number];
  return {
    params: { a, b, c, d, g },
    prompt: (
      <p>
        A 2×2 max-pool window holds <TeX tex={`\\begin{bmatrix}${a} & ${b} \\\\ ${c} & ${d}\\end{bmatrix}`} />. The
        gradient arriving at its output is <TeX tex={`${g}`} />. What gradient does each of the four inputs receive?
        Answer row by row.
      </p>
    ),
    answer,
    inputHint: 'four numbers, row by row',
    solution: (
      <>
        <p>
          The forward pass kept only the maximum, {Math.max(...values)}, and saved its position (the switch). Only that
          input influenced the output, so it takes the whole gradient and the other three get 0:
        </p>
        <TeX block tex={`\\begin{bmatrix}${answer[0]} & ${answer[1]} \\\\ ${answer[2]} & ${answer[3]}\\end{bmatrix}`} />
      </>
    ),
  };
};

export const reluGateExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 24);
  const z = Array.from({ length: 4 }, () => rng.int(11) - 5 || 2);
  if (z.every((v) => v > 0)) z[rng.int(4)] = -1 - rng.int(4);
  if (z.every((v) => v < 0)) z[rng.int(4)] = 1 + rng.int(4);
  const dy = Array.from({ length: 4 }, () => (rng.int(13) - 6 || 3) / 2);
  const answer = z.map((v, i) => (v > 0 ? dy[i]! : 0));
  return {
    params: { z: z.join(' '), dy: dy.join(' ') },
    prompt: (
      <p>
        A ReLU received <TeX tex={`z = (${z.join(',\\ ')})`} /> on the forward pass. On the way back the gradient{' '}
        <TeX tex={`\\partial L/\\partial \\mathrm{ReLU}(z) = (${dy.join(',\\ ')})`} /> arrives. What is{' '}
        <TeX tex="\partial L/\partial z" />?
      </p>
    ),
    answer,
    inputHint: 'four numbers',
    solution: (
      <>
        <p>
          ReLU's local gradient is 1 where <TeX tex="z > 0" /> and 0 elsewhere, so it acts as a gate on the incoming
          gradient:
        </p>
        <TeX
          block
          tex={`(${dy.join(',\\ ')}) \\odot (${z.map((v) => (v > 0 ? 1 : 0)).join(',\\ ')}) = (${answer.join(',\\ ')})`}
        />
      </>
    ),
  };
};
