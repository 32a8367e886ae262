/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible numbers, its answer and a worked solution; the numbers are returned
 * as `params` (data-params) so the e2e test can recompute the answer without trusting the page.
 */

import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';
import { aDigit } from './classColours';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
const clean = (v: number): number => Number(v.toPrecision(10));
const count = (v: number): string => v.toLocaleString('en-US');

export const codeSizeExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 121);
  const r = (): number => rng.next();
  const d = pick([32, 64, 128, 4096], r);
  const n = pick([1000, 2000, 5000, 10000], r);
  const codesKb = clean((n * d * 4) / 1000);
  const pixelsKb = clean((n * 784 * 4) / 1000);
  return {
    params: { d, n },
    prompt: (
      <p>
        A net’s code layer has {count(d)} units. You keep the codes of {count(n)} MNIST images as 32-bit floats, and
        also the images themselves as 28×28 floats. How many kilobytes (1 kB = 1,000 bytes) do the codes take, and how
        many the pixels?
      </p>
    ),
    answer: [codesKb, pixelsKb],
    inputHint: 'two numbers: codes, then pixels (kB)',
    solution: (
      <>
        <p>Four bytes per float, one vector per image:</p>
        <TeX
          block
          tex={`\\begin{aligned} \\text{codes} &= ${n} \\cdot ${d} \\cdot 4 = ${n * d * 4}\\ \\text{B} = ${codesKb}\\ \\text{kB} \\\\ \\text{pixels} &= ${n} \\cdot 784 \\cdot 4 = ${n * 784 * 4}\\ \\text{B} = ${pixelsKb}\\ \\text{kB} \\end{aligned}`}
        />
        <p>
          {d < 784
            ? 'The code is the smaller description, and the better one for finding similar digits.'
            : 'An AlexNet-sized code is bigger than a small image: codes are worth keeping for what they say, not for their size.'}
        </p>
      </>
    ),
  };
};

export const codeDistanceExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 122);
  const a = Array.from({ length: 4 }, () => Math.floor(rng.next() * 5));
  const b = Array.from({ length: 4 }, () => Math.floor(rng.next() * 5));
  if (a.every((v, i) => v === b[i])) b[0] = (a[0]! + 2) % 5;
  const squares = a.map((v, i) => (v - b[i]!) ** 2);
  const sum = squares.reduce((s, v) => s + v, 0);
  const answer = clean(Math.sqrt(sum));
  return {
    params: { a: a.join(' '), b: b.join(' ') },
    prompt: (
      <p>
        Two images have the (ReLU, so non-negative) codes <TeX tex={`h_1 = (${a.join(',\\ ')})`} /> and{' '}
        <TeX tex={`h_2 = (${b.join(',\\ ')})`} />. What is the Euclidean distance between them?
      </p>
    ),
    answer,
    inputHint: 'a number, e.g. 3.16',
    solution: (
      <TeX
        block
        tex={`\\lVert h_1 - h_2 \\rVert = \\sqrt{${squares.join(' + ')}} = \\sqrt{${sum}} \\approx ${answer.toFixed(3)}`}
      />
    ),
  };
};

export const neighbourVoteExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 123);
  const r = (): number => rng.next();
  const query = Math.floor(r() * 10);
  const other = (query + 1 + Math.floor(r() * 9)) % 10;
  // Six images with distinct distances; labels are the query's digit or one other digit.
  const distances = [0.8, 1.3, 1.9, 2.4, 3.1, 3.7];
  for (let i = distances.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [distances[i], distances[j]] = [distances[j]!, distances[i]!];
  }
  const labels = distances.map(() => (r() < 0.5 ? query : other));
  const order = distances.map((d, i) => ({ d, label: labels[i]! })).sort((x, y) => x.d - y.d);
  const nearest = order.slice(0, 3);
  const same = nearest.filter((n) => n.label === query).length;
  const vote = same >= 2 ? query : other;
  return {
    params: { query, distances: distances.join(' '), labels: labels.join(' ') },
    prompt: (
      <>
        <p>
          The picked image is {aDigit(query)}. Six other images lie at these distances from it in code space, with these
          labels:
        </p>
        <ul className="cc-ex-pairs">
          {distances.map((d, i) => (
            <li key={d}>
              distance {d}: a {labels[i]}
            </li>
          ))}
        </ul>
        <p>How many of its 3 nearest neighbours are {query}s, and which digit would a 3-nearest-neighbour vote give?</p>
      </>
    ),
    answer: [same, vote],
    inputHint: 'two numbers: how many, then the digit',
    solution: (
      <p>
        Sorted by distance the three nearest are {nearest.map((n) => `${n.d} (${aDigit(n.label)})`).join(', ')}: {same}{' '}
        of them {same === 1 ? `is ${aDigit(query)}` : `are ${query}s`}, so the vote gives {vote}.
      </p>
    ),
  };
};
