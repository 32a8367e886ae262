/** Outline metadata for "Softmax and losses"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'softmax-and-losses',
  title: 'Softmax and losses',
  summary:
    'Turning class scores into probabilities, and measuring how wrong they are: cross-entropy, hinge, penalties.',
  minutes: 30,
  objectives: [
    'Compute softmax probabilities from scores and describe what the temperature does.',
    'Compute the cross-entropy loss −log p and explain its shape.',
    'Compute the multiclass SVM loss term by term, as in the lecture’s three examples.',
    'Explain why zero loss does not determine W, and how L1 and L2 penalties choose between weight vectors.',
  ],
  sections: [
    { id: 'softmax', title: 'From scores to probabilities' },
    { id: 'cross-entropy', title: 'Cross-entropy: −log of the right answer' },
    { id: 'hinge', title: 'The multiclass SVM (hinge) loss' },
    { id: 'regularization', title: 'Many W fit: regularisation picks one' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
