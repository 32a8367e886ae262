/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible numbers, its answer and a worked solution. The numbers are returned
 * too (as data-params) so the e2e test can recompute the answer without trusting the page.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
/** Rounds away float noise so answers print as the student would write them. */
const clean = (v: number): number => Number(v.toPrecision(10));
const count = (v: number): string => v.toLocaleString('en-US');

export const filterSlicesExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 121);
  const r = (): number => rng.next();
  const c = pick([8, 16, 32, 64], r);
  const k = pick([16, 32, 64, 128], r);
  const size = pick([3, 5], r);
  const slices = k * c;
  const params = slices * size * size + k;
  return {
    params: { c, k, size },
    prompt: (
      <p>
        A convolution layer takes {c} input channels and has {k} filters of {size}×{size}, with biases. The filter view
        draws one {size}×{size} slice per filter per input channel. How many slices does it draw, and how many
        parameters does the layer have?
      </p>
    ),
    answer: [slices, params],
    inputHint: 'two numbers: slices, then parameters',
    solution: (
      <>
        <p>Each filter has one slice for every input channel, and one bias:</p>
        <TeX
          block
          tex={`\\text{slices} = ${k}\\cdot ${c} = ${slices}, \\qquad \\text{params} = ${slices}\\cdot ${size * size} + ${k} = ${count(params).replace(/,/g, '{,}')}`}
        />
        <p>Only the first layer’s slices look at pixels; a deeper slice weighs a feature map, not the image.</p>
      </>
    ),
  };
};

export const l2OptimumExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 122);
  const r = (): number => rng.next();
  const w1 = pick([0.4, 0.6, 1, 1.2, -0.8], r);
  const w2 = pick([-0.5, 0.3, 0.9, -1.5, 2], r);
  const lambda = pick([0.5, 1, 2, 5], r);
  const answer = [clean(w1 / (2 * lambda)), clean(w2 / (2 * lambda))];
  return {
    params: { w1, w2, lambda },
    prompt: (
      <p>
        A (very) shallow net scores a two-pixel image linearly: <TeX tex={`S_c(I) = ${w1}\\,I_1 + ${w2}\\,I_2 + 3`} />.
        Which image maximises <TeX tex={`S_c(I) - \\lambda\\|I\\|^2`} /> with <TeX tex={`\\lambda = ${lambda}`} /> (no
        clamp)?
      </p>
    ),
    answer,
    inputHint: 'two numbers: I₁, then I₂',
    solution: (
      <>
        <p>
          Set the gradient to zero: <TeX tex="w - 2\lambda I = 0" />, so <TeX tex="I^* = w / (2\lambda)" />:
        </p>
        <TeX
          block
          tex={`I^*_1 = \\frac{${w1}}{2\\cdot ${lambda}} = ${answer[0]}, \\qquad I^*_2 = \\frac{${w2}}{2\\cdot ${lambda}} = ${answer[1]}`}
        />
        <p>
          Without the prior the score grows for ever as the pixels grow; with it, the best image is the weights
          themselves, shrunk by <TeX tex="2\lambda" />. A larger λ gives a fainter image.
        </p>
      </>
    ),
  };
};

export const camScoreExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 123);
  const r = (): number => rng.next();
  const map = (): number[] => Array.from({ length: 4 }, () => Math.floor(r() * 5));
  const f1 = map();
  const f2 = map();
  const a = pick([1, 2, -1, 0.5], r);
  const b = pick([-2, 1, 3, -0.5], r);
  const bias = pick([0, 1, -1, 0.5], r);
  const m = f1.map((v, i) => clean(a * v + b * f2[i]!));
  const score = clean(m.reduce((s, v) => s + v, 0) / 4 + bias);
  const grid = (v: number[]): string => `\\begin{pmatrix} ${v[0]} & ${v[1]} \\\\ ${v[2]} & ${v[3]} \\end{pmatrix}`;
  return {
    params: { f1: f1.join(' '), f2: f2.join(' '), a, b, bias },
    prompt: (
      <p>
        The last convolution of a GAP net gives two 2×2 maps <TeX tex={`f_1 = ${grid(f1)}`} /> and{' '}
        <TeX tex={`f_2 = ${grid(f2)}`} />. The dense layer’s weights for class c are <TeX tex={`w_{c1} = ${a}`} />,{' '}
        <TeX tex={`w_{c2} = ${b}`} /> and its bias is <TeX tex={`${bias}`} />. What is the class activation map’s
        top-left value, and the class score <TeX tex="S_c" />?
      </p>
    ),
    answer: [m[0]!, score],
    inputHint: 'two numbers: M(0,0), then S_c',
    solution: (
      <>
        <TeX block tex={`M_c = ${a}\\,f_1 + (${b})\\,f_2 = ${grid(m)}`} />
        <p>Global average pooling then the dense layer give the score, which is the mean of the map plus the bias:</p>
        <TeX block tex={`S_c = \\tfrac{1}{4}(${m.join(' + ')}) + (${bias}) = ${score}`} />
      </>
    ),
  };
};

export const totalVariationExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 124);
  const x = Array.from({ length: 6 }, () => Math.floor(rng.next() * 4));
  // 2 rows × 3 columns, row-major; a pixel with no neighbour below or to the right adds nothing there.
  let tv = 0;
  const terms: string[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 3; j++) {
      const v = x[i * 3 + j]!;
      if (i + 1 < 2) {
        const d = x[(i + 1) * 3 + j]! - v;
        tv += d * d;
        terms.push(`(${d})^2`);
      }
      if (j + 1 < 3) {
        const d = x[i * 3 + j + 1]! - v;
        tv += d * d;
        terms.push(`(${d})^2`);
      }
    }
  }
  return {
    params: { x: x.join(' ') },
    prompt: (
      <p>
        With <TeX tex="\beta = 2" />,{' '}
        <TeX tex="R_{TV}(I) = \sum_{i,j} (I_{i+1,j} - I_{i,j})^2 + (I_{i,j+1} - I_{i,j})^2" />, a difference past the
        edge counting as 0. What is <TeX tex="R_{TV}" /> of the 2×3 image{' '}
        <TeX tex={`\\begin{pmatrix} ${x.slice(0, 3).join(' & ')} \\\\ ${x.slice(3).join(' & ')} \\end{pmatrix}`} />?
      </p>
    ),
    answer: tv,
    inputHint: 'one number',
    solution: (
      <>
        <p>Three vertical differences and four horizontal ones:</p>
        <TeX block tex={`R_{TV} = ${terms.join(' + ')} = ${tv}`} />
        <p>A flat image scores 0; every sharp step costs its square, which is why the prior smooths the picture.</p>
      </>
    ),
  };
};
