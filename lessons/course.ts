/**
 * The course outline: the ordered list of lessons the shell shows. Each lesson folder exports its
 * metadata from `meta.ts`; the lesson body itself is loaded lazily (`load`), so the outline stays
 * small and a lesson's widgets and data are only fetched when a student opens it.
 *
 * Adding a lesson is two lines here: import its meta, then put it in `course` in teaching order.
 */
import type { ComponentType } from 'react';
import activations from './activations/meta';
import architectures from './architectures/meta';
import backpropagation from './backpropagation/meta';
import batchNormalisation from './batch-normalisation/meta';
import channelsAndParameters from './channels-and-parameters/meta';
import cnnCodes from './cnn-codes/meta';
import convolution from './convolution/meta';
import foolingACnn from './fooling-a-cnn/meta';
import gradientDescent from './gradient-descent/meta';
import imagesAreTensors from './images-are-tensors/meta';
import initialisation from './initialisation/meta';
import layerCalculator from './layer-calculator/meta';
import neuronsAndDenseLayers from './neurons-and-dense-layers/meta';
import paddingStrideDilation from './padding-stride-dilation/meta';
import pooling from './pooling/meta';
import regularisation from './regularisation/meta';
import residualConnections from './residual-connections/meta';
import softmaxAndLosses from './softmax-and-losses/meta';
import transferLearning from './transfer-learning/meta';
import whatACnnLearned from './what-a-cnn-learned/meta';

export interface LessonSection {
  /** DOM id of the section's heading, used by the table of contents (`#/lesson/x` + scroll). */
  readonly id: string;
  readonly title: string;
}

export interface LessonMeta {
  /** URL slug: lowercase letters, digits and dashes (see app/shell/router.ts). */
  readonly id: string;
  readonly title: string;
  /** One line for the outline. */
  readonly summary: string;
  /** Estimated minutes for a student reading and doing the exercises. */
  readonly minutes: number;
  readonly objectives: readonly string[];
  /** Sections in order, for the table of contents; each must match a <Section id> in the lesson. */
  readonly sections: readonly LessonSection[];
  /** Ids of the lesson's exercises; progress is done / exercises.length. */
  readonly exercises: readonly string[];
  /** Loads the lesson body (a dynamic import, so each lesson is its own chunk). */
  readonly load: () => Promise<{ default: ComponentType }>;
}

export const course: readonly LessonMeta[] = [
  imagesAreTensors,
  convolution,
  paddingStrideDilation,
  channelsAndParameters,
  pooling,
  layerCalculator,
  activations,
  neuronsAndDenseLayers,
  softmaxAndLosses,
  backpropagation,
  gradientDescent,
  initialisation,
  batchNormalisation,
  regularisation,
  architectures,
  residualConnections,
  whatACnnLearned,
  cnnCodes,
  foolingACnn,
  transferLearning,
];

export function findLesson(id: string): LessonMeta | undefined {
  return course.find((lesson) => lesson.id === id);
}

/** The lessons before and after `id` in teaching order (undefined at either end). */
export function neighbours(id: string): { prev: LessonMeta | undefined; next: LessonMeta | undefined } {
  const i = course.findIndex((lesson) => lesson.id === id);
  return { prev: i > 0 ? course[i - 1] : undefined, next: i >= 0 ? course[i + 1] : undefined };
}
