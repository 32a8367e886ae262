/**
 * Numbers from the lecture, reproduced exactly. The 3x3 input and 2x2 kernel are the worked
 * cross-correlation of notes 004 (output [[133, 75], [100, 101]]); the edge kernels are the two
 * in notes 002 ("finds horizontals", "finds verticals"); the derivative kernel is the one notes 004
 * applies to a photograph. Blur and sharpen are the usual textbook pair.
 */
import type { KernelPreset } from '../../app/ui/KernelEditor';

export const LECTURE_INPUT: readonly number[] = [12, 3, 19, 25, 10, 1, 9, 7, 17];
export const LECTURE_KERNEL: readonly number[] = [1, 2, 3, 4];

export const HORIZONTAL_EDGES: readonly number[] = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
export const VERTICAL_EDGES: readonly number[] = [-1, 0, 1, -2, 0, 2, -1, 0, 1];

export const KERNEL_PRESETS: readonly KernelPreset[] = [
  { name: 'Horizontal edges', values: HORIZONTAL_EDGES },
  { name: 'Vertical edges', values: VERTICAL_EDGES },
  { name: 'Blur', values: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9] },
  { name: 'Sharpen', values: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  { name: 'Lecture derivative', values: [0, -0.5, 0, 0, 0, 0, 0, 0.5, 0] },
  { name: 'Identity', values: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
];
