/** Outline metadata for "Why residual connections"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'residual-connections',
  title: 'Why residual connections',
  summary: 'Deeper plain nets train worse, not just overfit: what a shortcut changes, shown live on MNIST.',
  minutes: 40,
  objectives: [
    'Explain the degradation problem: a deeper plain net has higher training error, so it is not overfitting.',
    'Write a residual block as H(x) = F(x) + x, and say when the shortcut needs a projection W_s.',
    'Show with the chain rule why a gradient crosses an identity shortcut undiminished: 1 + ∂F/∂x.',
    'Train a 20-layer plain net and the same net with shortcuts side by side, and read their gradient norms by depth.',
    'Count a bottleneck block’s parameters against a basic block’s, and say what stochastic depth drops.',
  ],
  sections: [
    { id: 'degradation', title: 'Deeper is not always better' },
    { id: 'residual', title: 'Learn the residual' },
    { id: 'gradient', title: 'Why the gradient gets through' },
    { id: 'experiment', title: 'Plain against residual, live' },
    { id: 'bottleneck', title: 'Bottleneck blocks' },
    { id: 'stochastic-depth', title: 'Stochastic depth' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
