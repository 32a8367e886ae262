/**
 * The sections of a model file's header beyond the spec and weights: the dataset it was trained
 * on, the training summary, the learning curves and the last epoch's metrics, each written as
 * compact JSON and read back strictly (a ModelFileError in a sentence for anything wrong).
 */
import type { ModelSummary } from '../../../engine/spec';
import type { Metrics } from '../../../engine/train/metrics';
import type { ChartPoint, DatasetChoice, EpochResult, History } from '../../stores/studio';
import {
  damaged,
  isCount,
  isObject,
  type Json,
  type KeptDataset,
  type ModelFileError,
  product,
  shapeText,
  type TrainingSummary,
} from './modelFile';
import { shownValue } from './shown';

const CHOICES: readonly DatasetChoice[] = ['embedded-mnist', 'mnist', 'cifar10', 'files'];

export function checkDataset(value: unknown, summary: ModelSummary): KeptDataset {
  if (!isObject(value)) throw damaged('the dataset it was trained on is missing');
  const { choice, name, shape, classNames } = value;
  if (choice !== null && !CHOICES.includes(choice as DatasetChoice))
    throw damaged(
      choice === undefined ? 'the dataset it was trained on is not named' : `dataset ${shownValue(choice)} is unknown`,
    );
  if (typeof name !== 'string') throw damaged('the dataset has no name');
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((n) => isCount(n) && n > 0)) {
    throw damaged('the dataset’s image shape is not [channels, height, width]');
  }
  const input = summary.layers[0]!.outputShape;
  if (shapeText(shape) !== shapeText(input)) {
    throw damaged(`the dataset’s images are ${shape.join('×')} but the model reads ${input.join('×')}`);
  }
  if (!Array.isArray(classNames) || !classNames.every((c) => typeof c === 'string')) {
    throw damaged('the class names are missing');
  }
  const outputs = product(summary.outputShape);
  if (classNames.length !== outputs) {
    throw damaged(`the model has ${outputs} outputs but the dataset ${classNames.length} classes`);
  }
  return {
    choice: (choice as DatasetChoice | null) ?? null,
    name,
    shape: shape as unknown as [number, number, number],
    classNames: classNames as string[],
  };
}

export function checkTraining(value: unknown): TrainingSummary {
  if (!isObject(value)) throw damaged('the training summary is missing');
  const { epochs, validationAccuracy, validationLoss } = value;
  if (typeof epochs !== 'number' || !Number.isFinite(epochs) || epochs < 0)
    throw damaged('the epochs trained are missing');
  const accuracyOk =
    validationAccuracy === null ||
    (typeof validationAccuracy === 'number' && validationAccuracy >= 0 && validationAccuracy <= 1);
  if (!accuracyOk) throw damaged('the validation accuracy is not a fraction from 0 to 1');
  const lossOk = validationLoss === null || (typeof validationLoss === 'number' && Number.isFinite(validationLoss));
  if (!lossOk) throw damaged('the validation loss is not a number');
  return {
    epochs,
    validationAccuracy: validationAccuracy as number | null,
    validationLoss: validationLoss as number | null,
  };
}

const SERIES = ['trainLoss', 'trainAccuracy', 'validationLoss', 'validationAccuracy'] as const;

/** Curves as [x, y] pairs: half the size of {x, y} objects. */
export function compactHistory(h: History): Record<(typeof SERIES)[number], [number, number][]> {
  // A diverged run can leave a NaN loss; JSON would write it as null, so such points are left out.
  const pairs = (points: readonly ChartPoint[]): [number, number][] =>
    points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => [p.x, p.y]);
  return {
    trainLoss: pairs(h.trainLoss),
    trainAccuracy: pairs(h.trainAccuracy),
    validationLoss: pairs(h.validationLoss),
    validationAccuracy: pairs(h.validationAccuracy),
  };
}

export function checkHistory(value: unknown): History {
  if (!isObject(value)) throw damaged('the learning curves are not readable');
  const out: Record<string, ChartPoint[]> = {};
  for (const key of SERIES) {
    const points = value[key];
    const ok =
      Array.isArray(points) &&
      points.every(
        (p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)),
      );
    if (!ok) throw damaged(`the learning curve "${key}" is not a list of [epoch, value] pairs`);
    out[key] = (points as [number, number][]).map(([x, y]) => ({ x, y }));
  }
  return out as unknown as History;
}

/** Metrics as JSON: NaN (a class with no samples) as null, the confusion matrix as a plain array. */
function metricsJson(m: Metrics): Json {
  const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return {
    count: m.count,
    loss: num(m.loss),
    accuracy: num(m.accuracy),
    perClassAccuracy: m.perClassAccuracy.map(num),
    confusion: [...m.confusion],
  };
}

export function epochJson(e: EpochResult): Json {
  return { epoch: e.epoch, train: metricsJson(e.train), validation: e.validation ? metricsJson(e.validation) : null };
}

function checkMetrics(value: unknown, classes: number, what: string): Metrics {
  const bad = (): ModelFileError => damaged(`the last epoch’s ${what} metrics are not readable`);
  if (!isObject(value)) throw bad();
  const { count, loss, accuracy, perClassAccuracy, confusion } = value;
  const numOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
  if (!isCount(count) || !numOrNull(loss) || !numOrNull(accuracy)) throw bad();
  if (!Array.isArray(perClassAccuracy) || perClassAccuracy.length !== classes || !perClassAccuracy.every(numOrNull)) {
    throw bad();
  }
  if (!Array.isArray(confusion) || confusion.length !== classes * classes || !confusion.every(isCount)) throw bad();
  const nan = (v: unknown): number => (v === null ? Number.NaN : (v as number));
  return {
    count,
    loss: nan(loss),
    accuracy: nan(accuracy),
    perClassAccuracy: perClassAccuracy.map(nan),
    confusion: Uint32Array.from(confusion as number[]),
  };
}

export function checkEpoch(value: unknown, classes: number): EpochResult {
  if (!isObject(value) || typeof value.epoch !== 'number' || !Number.isFinite(value.epoch)) {
    throw damaged('the last epoch’s metrics are not readable');
  }
  return {
    epoch: value.epoch,
    train: checkMetrics(value.train, classes, 'training'),
    validation: value.validation === null ? null : checkMetrics(value.validation, classes, 'validation'),
  };
}
