/** Outline metadata for "What a CNN has learned"; the body loads lazily from Lesson.tsx. */
import type { LessonMeta } from '../course';
import { EXERCISE_IDS } from './exerciseIds';

const meta: LessonMeta = {
  id: 'what-a-cnn-learned',
  title: 'What a CNN has learned',
  summary: 'Train a small net, then look inside: filters, feature maps, top images, saliency, CAM and dreamed digits.',
  minutes: 45,
  objectives: [
    'Read a trained net’s filters at every layer, and say why only the first layer’s look like image patches.',
    'Follow one digit through the feature maps of every layer, and find the digits that most excite a unit.',
    'Compute a saliency map |∂S_c/∂I| and say what it does and does not show.',
    'Explain why a class activation map’s mean plus the class bias is exactly the class score of a GAP net.',
    'Synthesise the image a class likes best by gradient ascent, and say what the L2 and total-variation priors do.',
  ],
  sections: [
    { id: 'train', title: 'A net to look inside' },
    { id: 'filters', title: 'The filters' },
    { id: 'activations', title: 'Feature maps' },
    { id: 'top-images', title: 'What excites a unit' },
    { id: 'saliency', title: 'Saliency maps' },
    { id: 'cam', title: 'Class activation maps' },
    { id: 'ascent', title: 'The image a class likes best' },
    { id: 'deconv', title: 'DeconvNets and guided backpropagation' },
    { id: 'check', title: 'Predict, then check' },
  ],
  exercises: EXERCISE_IDS,
  load: () => import('./Lesson'),
};

export default meta;
