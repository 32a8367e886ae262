/** Outline metadata for "Weight initialisation"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'initialisation',
  title: 'Weight initialisation',
  summary: 'Why weights start random, and how large: the 10-layer experiment, Xavier and He, forward and back.',
  minutes: 35,
  objectives: [
    'Explain why equal starting weights keep every unit in a layer identical.',
    'Predict what too-small and too-large weights do to activations 10 layers deep, for tanh and ReLU.',
    'Derive Var(y) = n Var(w) Var(x) and from it Xavier’s 1/n_in, Glorot’s 2/(n_in + n_out) and He’s 2/n_in.',
    'Connect the forward collapse or blow-up with vanishing and exploding gradients on the way back.',
  ],
  sections: [
    { id: 'why', title: 'Why the starting weights matter' },
    { id: 'experiment', title: 'The experiment: ten layers of 500 units' },
    { id: 'gradients', title: 'The way back: gradients layer by layer' },
    { id: 'variance', title: 'Keeping the variance: Xavier and He' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
