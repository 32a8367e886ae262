/**
 * "Predict, then check" generators for the neurons lesson. Numbers come from a seed; answers are
 * computed with the engine's dense layer and ReLU; `params` let the e2e test recompute them.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { activate } from '../../engine/cpu/activations';
import { dense } from '../../engine/cpu/dense';
import { createRng } from '../../engine/tensor/rng';

const ints = (n: number, lo: number, hi: number, r: () => number): number[] =>
  Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo + 1)));
const vec = (v: readonly number[]): string => `[${v.join(',\\ ')}]`;
const paren = (v: number): string => (v < 0 ? `(${v})` : String(v));

/** ReLU(Wx + b) through the engine; w is [units, inputs] row-major. */
function reluDense(x: readonly number[], w: readonly number[], b: readonly number[]): number[] {
  const units = b.length;
  const z = dense(
    { shape: [1, x.length], data: Float32Array.from(x) },
    { shape: [units, x.length], data: Float32Array.from(w) },
    { shape: [units], data: Float32Array.from(b) },
  );
  return [...activate('relu', z).data];
}

export const neuronOutputExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 6007 + 21);
  const r = (): number => rng.next();
  const x = ints(3, -2, 4, r);
  const w = ints(3, -3, 3, r);
  const b = ints(1, -4, 4, r)[0]!;
  const z = x.reduce((s, xi, i) => s + xi * w[i]!, b);
  const answer = reluDense(x, w, [b])[0]!;
  return {
    params: { x: x.join(' '), w: w.join(' '), b },
    prompt: (
      <p>
        A neuron with weights <TeX tex={`w = ${vec(w)}`} />, bias <TeX tex={`b = ${b}`} /> and a ReLU receives{' '}
        <TeX tex={`x = ${vec(x)}`} />. What does it output?
      </p>
    ),
    answer,
    inputHint: 'a number',
    solution: (
      <TeX
        block
        tex={`\\max\\Bigl(0,\\ ${x.map((xi, i) => `${paren(w[i]!)}\\cdot${paren(xi)}`).join(' + ')} + ${paren(b)}\\Bigr) = \\max(0, ${z}) = ${answer}`}
      />
    ),
  };
};

export const denseOutputExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 22);
  const r = (): number => rng.next();
  const x = ints(2, -2, 3, r);
  const wCols = ints(4, -3, 3, r); // lecture layout: W is [in=2, out=2], row-major
  const b = ints(2, -3, 3, r);
  const wRows = [wCols[0]!, wCols[2]!, wCols[1]!, wCols[3]!]; // engine layout [out, in]
  const answer = reluDense(x, wRows, b);
  const z = [0, 1].map((j) => x[0]! * wCols[j]! + x[1]! * wCols[2 + j]! + b[j]!);
  return {
    params: { x: x.join(' '), W: wCols.join(' '), b: b.join(' ') },
    prompt: (
      <p>
        A layer computes <TeX tex="\mathrm{ReLU}(xW + b)" /> with <TeX tex={`x = ${vec(x)}`} />,{' '}
        <TeX tex={`W = \\begin{bmatrix} ${wCols[0]} & ${wCols[1]} \\\\ ${wCols[2]} & ${wCols[3]} \\end{bmatrix}`} /> and{' '}
        <TeX tex={`b = ${vec(b)}`} />. Give its two outputs.
      </p>
    ),
    answer,
    inputHint: 'two numbers, e.g. 3 0',
    solution: (
      <>
        <p>Each output is x dotted with one column of W, plus that column's bias, then clipped at zero:</p>
        <TeX
          block
          tex={`\\begin{aligned} z_1 &= ${paren(x[0]!)}\\cdot${paren(wCols[0]!)} + ${paren(x[1]!)}\\cdot${paren(wCols[2]!)} + ${paren(b[0]!)} = ${z[0]} \\\\ z_2 &= ${paren(x[0]!)}\\cdot${paren(wCols[1]!)} + ${paren(x[1]!)}\\cdot${paren(wCols[3]!)} + ${paren(b[1]!)} = ${z[1]} \\end{aligned}`}
        />
        <TeX block tex={`\\mathrm{ReLU}(${vec(z)}) = ${vec(answer)}`} />
      </>
    ),
  };
};

export const denseParamsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 1237 + 23);
  const inputs = [64, 100, 128, 256, 784, 1024, 3072][rng.int(7)]!;
  const units = [10, 32, 100, 128, 500][rng.int(5)]!;
  const answer = inputs * units + units;
  return {
    params: { inputs, units },
    prompt: (
      <p>
        A fully connected layer takes {inputs} inputs and has {units} units, each with its own bias. How many trainable
        parameters does it have?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`\\underbrace{${inputs}\\times ${units}}_{\\text{weights}} + \\underbrace{${units}}_{\\text{biases}} = ${answer.toLocaleString('en-US').replace(/,/g, '{,}')}`}
      />
    ),
  };
};

const IMAGES: readonly { name: string; c: number; h: number; k: number }[] = [
  { name: 'colour CIFAR-10 images (32×32, 3 channels, 10 classes)', c: 3, h: 32, k: 10 },
  { name: 'grey CIFAR-10 images (32×32, 1 channel, 10 classes)', c: 1, h: 32, k: 10 },
  { name: 'MNIST digits (28×28, 1 channel, 10 classes)', c: 1, h: 28, k: 10 },
  { name: 'colour 64×64 images of 200 classes', c: 3, h: 64, k: 200 },
];

export const linearShapeExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 3571 + 24);
  const img = IMAGES[rng.int(IMAGES.length)]!;
  const d = img.c * img.h * img.h;
  return {
    params: { c: img.c, h: img.h, k: img.k },
    prompt: (
      <p>
        A linear classifier <TeX tex="f(x; W) = Wx + b" /> scores {img.name}, with x the flattened image. What shape
        does W have? Give rows then columns.
      </p>
    ),
    answer: [img.k, d],
    inputHint: 'two numbers, e.g. 5 100',
    solution: (
      <TeX
        block
        tex={`x \\in \\mathbb{R}^{${img.c}\\cdot${img.h}\\cdot${img.h}} = \\mathbb{R}^{${d}},\\quad Wx \\in \\mathbb{R}^{${img.k}} \\Rightarrow W \\text{ is } ${img.k}\\times${d}`}
      />
    ),
  };
};
