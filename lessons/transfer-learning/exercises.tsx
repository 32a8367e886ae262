/**
 * The lesson's "predict, then check" generators. Each takes a seed and returns a question built
 * from random but sensible parameters, its answer and a worked solution. The parameters are
 * returned too (as data-params) so the e2e test can recompute the answer without trusting the page.
 */
import type { ExerciseGenerator } from '../../app/ui/Exercise';
import { TeX } from '../../app/ui/Math';
import { createRng } from '../../engine/tensor/rng';
import { caseFor, type TransferCase } from './cases';

const pick = <T,>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)]!;
const count = (v: number): string => v.toLocaleString('en-US');
const tex = (v: number): string => count(v).replace(/,/g, '{,}');

interface Scenario {
  readonly text: string;
  readonly data: TransferCase['data'];
  readonly task: TransferCase['task'];
}

/** Each starts from a network pretrained on ImageNet (1.2 million photos of 1,000 everyday classes). */
const SCENARIOS: readonly Scenario[] = [
  { text: '1,500 photos of 6 breeds of dog', data: 'little', task: 'similar' },
  { text: '900 photos of 10 kinds of kitchen utensil', data: 'little', task: 'similar' },
  { text: '400,000 photos of 500 species of bird', data: 'much', task: 'similar' },
  { text: '250,000 photos of 300 makes of car', data: 'much', task: 'similar' },
  { text: '700 chest X-rays, labelled healthy or not', data: 'little', task: 'different' },
  { text: '1,200 microscope images of 4 kinds of cell', data: 'little', task: 'different' },
  { text: '2 million satellite tiles of 40 land uses', data: 'much', task: 'different' },
  { text: '600,000 spectrograms of 50 bird songs', data: 'much', task: 'different' },
];

export const whichCaseExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 7919 + 121);
  const scenario = pick(SCENARIOS, () => rng.next());
  const answer = caseFor(scenario.data, scenario.task);
  return {
    params: { data: scenario.data, task: scenario.task },
    prompt: (
      <p>
        You have a CNN pretrained on ImageNet (1.2 million photos of 1,000 everyday classes) and a new task:{' '}
        {scenario.text}. Which of the four cases in the table is this (a number from 1 to 4)?
      </p>
    ),
    answer: answer.number,
    inputHint: 'a case number, 1 to 4',
    solution: (
      <p>
        That is {scenario.data === 'little' ? 'little' : 'plenty of'} data, and images{' '}
        {scenario.task === 'similar' ? 'like the photos ImageNet holds' : 'unlike anything in ImageNet'}: case{' '}
        {answer.number}. Freeze {answer.freeze}; retrain {answer.retrain}.
      </p>
    ),
  };
};

export const headFeaturesExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 104729 + 122);
  const r = (): number => rng.next();
  const n = pick([28, 32], r);
  const k1 = pick([3, 5], r);
  const k2 = pick([3, 5], r);
  const f2 = pick([8, 16, 32, 64], r);
  const h1 = Math.floor((n - k1 + 1) / 2);
  const h2 = Math.floor((h1 - k2 + 1) / 2);
  const answer = f2 * h2 * h2;
  return {
    params: { n, k1, k2, f2 },
    prompt: (
      <p>
        A pretrained trunk takes an {n}×{n} image through a {k1}×{k1} convolution (no padding, stride 1), a 2×2 max
        pool, a {k2}×{k2} convolution with {f2} filters (no padding, stride 1) and another 2×2 max pool, then flattens.
        How many numbers does the new head read for each image?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <>
        <p>A valid convolution shrinks each side by the kernel size minus 1; a 2×2 pool halves it (rounding down):</p>
        <TeX
          block
          tex={`${n} \\xrightarrow{\\text{conv}} ${n - k1 + 1} \\xrightarrow{\\text{pool}} ${h1} \\xrightarrow{\\text{conv}} ${h1 - k2 + 1} \\xrightarrow{\\text{pool}} ${h2}, \\qquad ${f2}\\cdot ${h2}\\cdot ${h2} = ${tex(answer)}`}
        />
        <p>The first convolution’s filter count does not matter here: only the last layer’s channels reach the head.</p>
      </>
    ),
  };
};

export const trainableParamsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 15485863 + 123);
  const r = (): number => rng.next();
  const c1 = pick([4, 8, 16], r);
  const c2 = pick([8, 16, 32], r);
  const features = c2 * 16;
  const classes = pick([2, 5, 10, 20], r);
  const conv1 = c1 * 25 + c1;
  const conv2 = c2 * c1 * 25 + c2;
  const head = features * classes + classes;
  return {
    params: { c1, c2, features, classes },
    prompt: (
      <p>
        A trunk of two 5×5 convolutions, {c1} filters on a one-channel image and then {c2} filters, both with biases,
        ends in {count(features)} features. You freeze the trunk and put a new dense head to {classes} classes on top.
        How many parameters does the optimiser update, and how many does the model have in all?
      </p>
    ),
    answer: [head, conv1 + conv2 + head],
    inputHint: 'two numbers: trainable, then total',
    solution: (
      <>
        <p>Only the head trains; the trunk still counts towards the total:</p>
        <TeX
          block
          tex={`\\begin{aligned} \\text{conv}_1 &= ${c1}\\cdot 5\\cdot 5 + ${c1} = ${tex(conv1)} \\\\ \\text{conv}_2 &= ${c2}\\cdot ${c1}\\cdot 5\\cdot 5 + ${c2} = ${tex(conv2)} \\\\ \\text{head} &= ${tex(features)}\\cdot ${classes} + ${classes} = ${tex(head)} \\\\ \\text{total} &= ${tex(conv1 + conv2 + head)} \\end{aligned}`}
        />
      </>
    ),
  };
};

export const fineTuneStepsExercise: ExerciseGenerator = (seed) => {
  const rng = createRng(seed * 32452843 + 124);
  const r = (): number => rng.next();
  const images = pick([50, 120, 500, 1000, 2500], r);
  const batch = pick([8, 10, 25, 32, 64], r);
  const epochs = pick([3, 4, 8, 10], r);
  const perEpoch = Math.ceil(images / batch);
  const answer = epochs * perEpoch;
  return {
    params: { images, batch, epochs },
    prompt: (
      <p>
        You fine-tune on {count(images)} labelled images for {epochs} epochs in mini-batches of {batch} (a smaller last
        batch when they do not divide evenly). How many optimiser steps is that?
      </p>
    ),
    answer,
    inputHint: 'a whole number',
    solution: (
      <TeX
        block
        tex={`${epochs}\\cdot \\left\\lceil \\frac{${tex(images)}}{${batch}} \\right\\rceil = ${epochs}\\cdot ${perEpoch} = ${tex(answer)}`}
      />
    ),
  };
};
