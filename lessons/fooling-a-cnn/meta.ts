/** Outline metadata for "Fooling a CNN"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'fooling-a-cnn',
  title: 'Fooling a CNN',
  summary: 'Adversarial examples: the fast gradient sign method on a net you train, and why it works.',
  minutes: 30,
  objectives: [
    'Write the fast gradient sign step x′ = x + ε sign(∇ₓL) and say what each part does.',
    'Find, for a trained MNIST net, how small an ε changes its answer while the digit looks the same.',
    'Explain with wᵀη = ε‖w‖₁ why a tiny per-pixel change moves a score a lot in many dimensions.',
    'Describe the lecture’s fooling images and what they say about what a net has learned.',
  ],
  sections: [
    { id: 'attack', title: 'A change you cannot see' },
    { id: 'train', title: 'Train the net to fool' },
    { id: 'fgsm', title: 'Fooling the net, one ε at a time' },
    { id: 'why', title: 'Why it works: linearity in many dimensions' },
    { id: 'fooled', title: 'Does a net see the world as we do?' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
