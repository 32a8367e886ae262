/** Outline metadata for "Channels, filters and parameters"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'channels-and-parameters',
  title: 'Channels, filters and parameters',
  summary: 'Filters as deep as their input, output depth from the filter count, and where the weights go.',
  minutes: 35,
  objectives: [
    'Explain why a filter’s depth equals its input’s depth and why K filters give an output of depth K.',
    'Compute a conv layer’s output volume, weights (F·F·D₁·K) and biases (K).',
    'Explain parameter sharing and count the weights it saves.',
    'Use 1×1 convolutions to change depth, and count the savings of stacked small filters.',
    'Work out how the receptive field grows through stacked convolutions.',
  ],
  sections: [
    { id: 'volumes', title: 'Filters are as deep as their input' },
    { id: 'sharing', title: 'Parameter sharing' },
    { id: 'one-by-one', title: '1×1 convolutions' },
    { id: 'factorising', title: 'Stacks of small filters' },
    { id: 'receptive-field', title: 'Receptive fields grow with depth' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
