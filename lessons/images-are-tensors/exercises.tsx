/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible parameters, its answer, and a worked solution. Parameters are returned
 * too so the e2e test can recompute the answer without trusting the page.
 */

import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';
import { flatIndexNCHW, oneHot } from './nchw';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
const between = (lo: number, hi: number, r: () => number): number => lo + Math.floor(r() * (hi - lo + 1));
const fmt = (v: number): string => v.toLocaleString('en-US');

export const flatIndexExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 1);
  const r = (): number => rng.next();
  const [N, C, H, W] = [between(2, 4, r), between(2, 3, r), between(3, 6, r), between(3, 6, r)];
  const [n, c, h, w] = [between(0, N - 1, r), between(0, C - 1, r), between(0, H - 1, r), between(0, W - 1, r)];
  const answer = flatIndexNCHW([N, C, H, W], [n, c, h, w]);
  return {
    params: { N, C, H, W, n, c, h, w },
    prompt: (
      <p>
        A tensor of shape <TeX tex={`(N,C,H,W) = (${N},${C},${H},${W})`} /> is stored in NCHW order. At which flat
        position (counting from 0) is the element <TeX tex={`(n,c,h,w) = (${n},${c},${h},${w})`} />?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <>
        <p>Skip whole samples, then whole channels, then whole rows, then columns:</p>
        <TeX
          block
          tex={`\\begin{aligned} &n\\cdot CHW + c\\cdot HW + h\\cdot W + w \\\\ &= ${n}\\cdot${C * H * W} + ${c}\\cdot${H * W} + ${h}\\cdot${W} + ${w} = ${answer}\\end{aligned}`}
        />
      </>
    ),
  };
};

export const batchValuesExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 2);
  const r = (): number => rng.next();
  const B = pick([4, 8, 16, 32, 64, 100, 128], r);
  const H = pick([28, 32, 64, 96, 224], r);
  const W = H;
  const answer = B * 3 * H * W;
  return {
    params: { B, C: 3, H, W },
    prompt: (
      <p>
        A mini-batch holds {B} RGB images, each {H}×{W} pixels. How many numbers does the batch tensor hold?
      </p>
    ),
    answer,
    inputHint: 'a whole number; commas are fine',
    solution: (
      <>
        <p>RGB means 3 channels, so the batch has shape {`(${B}, 3, ${H}, ${W})`} and holds the product:</p>
        <TeX
          block
          tex={`N\\cdot C\\cdot H\\cdot W = ${B}\\cdot 3\\cdot ${H}\\cdot ${W} = ${fmt(answer).replace(/,/g, '{,}')}`}
        />
      </>
    ),
  };
};

export const oneHotExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 3);
  const r = (): number => rng.next();
  const K = between(3, 10, r);
  const k = between(0, K - 1, r);
  const answer = oneHot(k, K);
  return {
    params: { K, k },
    prompt: (
      <p>
        A classifier has {K} classes, numbered 0 to {K - 1}. Write the one-hot label for class {k}.
      </p>
    ),
    answer,
    inputHint: `${K} numbers, e.g. 0 1 0 …`,
    solution: (
      <>
        <p>
          A one-hot vector has one entry per class: all zeros except a 1 at the class's own position (here position {k},
          counting from 0).
        </p>
        <TeX block tex={`y = [${answer.join(',\\ ')}]`} />
      </>
    ),
  };
};

const SPLITS: readonly (readonly [number, number, number])[] = [
  [80, 10, 10],
  [70, 15, 15],
  [60, 20, 20],
  [90, 5, 5],
];

export const splitSizesExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 4);
  const r = (): number => rng.next();
  const S = pick([10_000, 20_000, 50_000, 60_000, 70_000], r);
  const [train, val, test] = pick(SPLITS, r);
  const answer = (S * val) / 100;
  return {
    params: { S, train, val, test },
    prompt: (
      <p>
        You have {fmt(S)} labelled images and split them {train}% / {val}% / {test}% into training, validation and test
        sets. How many images are in the validation set?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`${fmt(S).replace(/,/g, '{,}')} \\times \\frac{${val}}{100} = ${fmt(answer).replace(/,/g, '{,}')}`}
      />
    ),
  };
};
