/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible parameters, its answer and a worked solution. The parameters are
 * returned too (as data-params) so the e2e test can recompute the answer without trusting the page.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
/** Rounds away float noise so answers print as the student would write them. */
const clean = (v: number): number => Number(v.toPrecision(10));
const count = (v: number): string => v.toLocaleString('en-US');
const tex = (v: number): string => count(v).replace(/,/g, '{,}');

export const blockParamsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 51);
  const d = pick([128, 256, 512, 1024, 2048], () => rng.next());
  const w = d / 4;
  const basic = 2 * d * d * 9;
  const bottleneck = d * w + w * w * 9 + w * d;
  return {
    params: { d, w },
    prompt: (
      <p>
        A block takes and returns {count(d)} channels. Count the convolution weights (no biases) of a basic block, two
        3×3 convolutions from {count(d)} to {count(d)} channels, and of a bottleneck block: 1×1 to {count(w)}, 3×3 at{' '}
        {count(w)}, 1×1 back to {count(d)}.
      </p>
    ),
    answer: [basic, bottleneck],
    inputHint: 'two numbers: basic, then bottleneck',
    solution: (
      <>
        <p>A convolution has (input channels) × (output channels) × (kernel area) weights:</p>
        <TeX
          block
          tex={`\\begin{aligned} \\text{basic} &= 2 \\cdot ${d}\\cdot ${d}\\cdot 9 = ${tex(basic)} \\\\ \\text{bottleneck} &= ${d}\\cdot ${w} + ${w}\\cdot ${w}\\cdot 9 + ${w}\\cdot ${d} = ${tex(bottleneck)} \\end{aligned}`}
        />
        <p>About {clean(basic / bottleneck).toFixed(1)} times fewer weights for the bottleneck, at any depth.</p>
      </>
    ),
  };
};

export const zeroResidualExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 52);
  const x = Array.from({ length: 4 }, () => Math.round((rng.next() * 6 - 3) * 2) / 2);
  // At least one negative (where the final ReLU matters) and one positive (what the shortcut keeps).
  if (!x.some((v) => v < 0)) x[1] = -1.5;
  if (!x.some((v) => v > 0)) x[2] = 2;
  const answer = x.map((v) => Math.max(0, v));
  return {
    params: { x: x.join(' ') },
    prompt: (
      <p>
        A residual block computes <TeX tex="y = \operatorname{ReLU}\big(\mathcal{F}(x) + x\big)" /> with{' '}
        <TeX tex="\mathcal{F} = W_2\,\operatorname{ReLU}(W_1 x)" />. Every weight and bias of <TeX tex="W_1" /> and{' '}
        <TeX tex="W_2" /> is zero. What is <TeX tex="y" /> for <TeX tex={`x = (${x.join(',\\ ')})`} />?
      </p>
    ),
    answer,
    inputHint: 'four numbers',
    solution: (
      <>
        <p>
          With zero weights and biases <TeX tex="\mathcal{F}(x) = 0" /> whatever <TeX tex="x" /> is, so the block is
          just its shortcut followed by the ReLU after the addition:
        </p>
        <TeX block tex={`y = \\operatorname{ReLU}(x) = (${answer.join(',\\ ')})`} />
        <p>A plain block with the same zero weights would output all zeros: the signal would stop there.</p>
      </>
    ),
  };
};

export const shortcutGradientExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 53);
  const r = (): number => rng.next();
  const n = pick([3, 4, 5, 6], r);
  const a = pick([0.1, 0.2, 0.5], r);
  const g = pick([1, 2, 0.5], r);
  const plain = clean(g * a ** n);
  const residual = clean(g * (1 + a) ** n);
  return {
    params: { n, a, g },
    prompt: (
      <p>
        The gradient of the loss arriving at the top of a stack is <TeX tex={`${g}`} />. In a plain stack of {n} layers
        each layer has <TeX tex={`\\partial f/\\partial x = ${a}`} />; in a residual stack of {n} blocks each residual
        branch has <TeX tex={`\\partial \\mathcal{F}/\\partial x = ${a}`} />. (Treat everything as a scalar.) What
        gradient reaches the bottom of the plain stack, and of the residual stack?
      </p>
    ),
    answer: [plain, residual],
    inputHint: 'two numbers: plain, then residual',
    solution: (
      <>
        <p>
          Each plain layer multiplies the gradient by <TeX tex={`${a}`} />; each residual block by{' '}
          <TeX tex={`1 + ${a}`} />, the 1 coming from the identity shortcut:
        </p>
        <TeX
          block
          tex={`\\begin{aligned} \\text{plain} &= ${g}\\cdot ${a}^{${n}} = ${plain} \\\\ \\text{residual} &= ${g}\\cdot (1 + ${a})^{${n}} = ${residual} \\end{aligned}`}
        />
      </>
    ),
  };
};

export const survivalExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 54);
  const r = (): number => rng.next();
  const L = pick([10, 20, 50, 100], r);
  const pL = pick([0.5, 0.8], r);
  const l = 1 + Math.floor(r() * L);
  const answer = clean(1 - (l / L) * (1 - pL));
  return {
    params: { L, l, pL },
    prompt: (
      <p>
        A residual net with stochastic depth has <TeX tex={`L = ${L}`} /> blocks, and the last block survives with{' '}
        <TeX tex={`p_L = ${pL}`} />. With the linear decay rule, with what probability is block{' '}
        <TeX tex={`\\ell = ${l}`} /> switched on for a mini-batch?
      </p>
    ),
    answer,
    inputHint: 'a probability, e.g. 0.75',
    solution: (
      <TeX block tex={`p_\\ell = 1 - \\frac{\\ell}{L}(1 - p_L) = 1 - \\frac{${l}}{${L}}\\,(1 - ${pL}) = ${answer}`} />
    ),
  };
};
