/**
 * Keep and share, the current model as a model file: its weights read from the worker with the
 * spec, hyperparameters, dataset and curves it was trained with, plus the Saved list's metadata
 * for a file and the names the notices use (spec titles, dataset labels). The Saved tab, the
 * autosave and a share link's "keep the old model first" all snapshot through here, so a kept
 * model is described the same way wherever it is kept.
 */
import { type ModelSpec, PRESETS } from '../../../engine/spec';
import { type DatasetChoice, type History, useStudio } from '../../stores/studio';
import { studioClient } from '../controller';
import * as db from './db';
import { keptTraining } from './keptState';
import {
  defaultModelName,
  encodeModelFile,
  type KeptDataset,
  type ModelFile,
  paramCount,
  type TrainingSummary,
  tensorsFor,
} from './modelFile';
import type { SharedDataset } from './share';

export const DATASET_LABELS: Readonly<Record<DatasetChoice, string>> = {
  'embedded-mnist': 'the built-in MNIST subset',
  mnist: 'full MNIST',
  cifar10: 'CIFAR-10',
  files: 'dropped files',
};

/** As the Data tab names them. */
const DATASET_NAMES: Readonly<Record<SharedDataset, string>> = {
  'embedded-mnist': 'MNIST subset (built in)',
  mnist: 'Full MNIST',
  cifar10: 'CIFAR-10',
};

/** The built-in dataset a model reading `shape` can use (its own when it names one). */
export function datasetFor(dataset: Pick<KeptDataset, 'choice' | 'shape'>): SharedDataset | null {
  if (dataset.choice !== null && dataset.choice !== 'files') return dataset.choice;
  const shape = dataset.shape.join();
  return shape === '1,28,28' ? 'embedded-mnist' : shape === '3,32,32' ? 'cifar10' : null;
}

/** Where the curves end (in epochs). */
export const lastX = (h: History): number =>
  Math.max(0, h.trainLoss[h.trainLoss.length - 1]?.x ?? 0, h.validationLoss[h.validationLoss.length - 1]?.x ?? 0);

function trainingSummary(): TrainingSummary {
  const s = useStudio.getState();
  const base = keptTraining();
  const v = s.lastEpoch?.validation;
  return {
    epochs: Math.round(Math.max(lastX(s.history), base?.epochs ?? 0) * 1000) / 1000,
    validationAccuracy: v ? v.accuracy : (base?.validationAccuracy ?? null),
    validationLoss: v ? v.loss : (base?.validationLoss ?? null),
  };
}

export function specTitle(spec: ModelSpec, presetKey: string | null = null): string {
  if (presetKey !== null && Object.hasOwn(PRESETS, presetKey)) return PRESETS[presetKey]!.title;
  return spec.name?.trim() || 'Custom model';
}

/** The current model as a model file (weights read from the worker). */
export async function snapshotModel(name?: string): Promise<ModelFile> {
  const s = useStudio.getState();
  const { built, builtSpec } = s;
  const info = s.dataset.info;
  if (!built || !builtSpec || !info) throw new Error('There is no model yet: wait until the dataset has loaded.');
  const weights = await studioClient().exportWeights();
  if (useStudio.getState().built !== built) throw new Error('The model was rebuilt meanwhile; try again.');
  const training = trainingSummary();
  const now = new Date();
  const after = useStudio.getState();
  return {
    name: name?.trim() || defaultModelName(specTitle(builtSpec), now, training.validationAccuracy),
    savedAt: now.toISOString(),
    spec: builtSpec,
    hyper: after.hyper,
    dataset: {
      choice: after.dataset.choice,
      name: after.dataset.choice === 'files' ? info.name : DATASET_NAMES[after.dataset.choice],
      shape: [...info.shape] as [number, number, number],
      classNames: [...info.classNames],
    },
    training,
    history: after.history,
    ...(after.lastEpoch ? { lastEpoch: after.lastEpoch } : {}),
    weights: tensorsFor(builtSpec, weights),
  };
}

export function metaFor(file: ModelFile, bytes: number): Omit<db.SavedModelMeta, 'id'> {
  return {
    name: file.name,
    savedAt: file.savedAt,
    specName: specTitle(file.spec),
    params: paramCount(file.spec),
    epochs: file.training.epochs,
    accuracy: file.training.validationAccuracy,
    datasetName: file.dataset.name,
    bytes,
  };
}

/** Adds a model to the Saved list under `name`; returns the name. */
export async function putInLibrary(file: ModelFile, name: string): Promise<string> {
  const renamed = { ...file, name };
  const bytes = encodeModelFile(renamed);
  await db.putModel(metaFor(renamed, bytes.length), bytes);
  return name;
}
