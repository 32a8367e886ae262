/** Outline metadata for "Activation functions"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'activations',
  title: 'Activation functions',
  summary: 'Sigmoid, tanh, ReLU and their relatives: what each does to a signal and to its gradient.',
  minutes: 30,
  objectives: [
    'Explain why a network needs a non-linear activation between its layers.',
    'Sketch sigmoid, tanh, ReLU, Leaky/Parametric ReLU, ELU, softplus and maxout and their derivatives.',
    'Explain saturation, the 0.25 bound on the sigmoid’s slope and what it does to gradients in deep stacks.',
    'Recognise dying ReLU units and outputs that are not zero-centred.',
    'Compare how fast sigmoid, tanh and ReLU networks train, by experiment.',
  ],
  sections: [
    { id: 'why', title: 'Why bend the line?' },
    { id: 'zoo', title: 'The activation zoo' },
    { id: 'saturation', title: 'Saturation kills the gradient' },
    { id: 'dying-relu', title: 'Dying ReLU' },
    { id: 'zero-centred', title: 'Zero-centred outputs' },
    { id: 'experiment', title: 'Experiment: does the activation change training speed?' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
