import { beforeEach, describe, expect, it } from 'vitest';
import { addEpoch, addProgress, EMPTY_HISTORY, setStatus, useStudio } from '../../app/stores/studio';
import { clearRuns, keepRun, MAX_RUNS, runLabel, toggleRun, useRuns } from '../../app/stores/studioRuns';
import { yExtent } from '../../app/ui/LineChart';
import type { Metrics } from '../../engine/train/metrics';
import type { Progress } from '../../engine/train/trainer';

function metrics(accuracy: number, count = 500): Metrics {
  const confusion = new Uint32Array(4);
  confusion[0] = Math.round(accuracy * count);
  confusion[1] = count - confusion[0];
  return { loss: 1 - accuracy, accuracy, count, perClassAccuracy: [accuracy, Number.NaN], confusion };
}

function progress(step: number, perEpoch: number, loss: number, validation?: Metrics): Progress {
  return {
    step,
    totalSteps: perEpoch,
    stepsPerEpoch: perEpoch,
    epoch: step / perEpoch,
    loss,
    accuracy: 0.5,
    learningRate: 0.01,
    imagesPerSecond: 100,
    trainingMs: 10,
    ...(validation ? { validation } : {}),
  };
}

const settings = {
  model: 'Lecture CNN',
  dataset: 'MNIST',
  optimizer: 'adam' as const,
  learningRate: 0.001,
  schedule: 'constant' as const,
  batchSize: 32,
  epochs: 2,
  seed: 1,
};

beforeEach(() => {
  clearRuns();
  useStudio.setState({ history: EMPTY_HISTORY, epochOffset: 0, validationView: null, lastEpoch: null, runId: 1 });
});

describe('studio store: validation checks and Train more', () => {
  it('a progress event with subset metrics adds a subset point and becomes the shown validation', () => {
    addProgress(progress(1, 4, 2.3));
    addProgress(progress(2, 4, 2.1, metrics(0.6)));
    const s = useStudio.getState();
    expect(s.history.trainLoss.map((p) => p.x)).toEqual([0.25, 0.5]);
    expect(s.history.subsetAccuracy).toEqual([{ x: 0.5, y: 0.6 }]);
    expect(s.validationView).toMatchObject({ epoch: 0.5, subset: true });
  });

  it('after "Train more" (epochOffset 1) points and the shown validation continue from epoch 1', () => {
    useStudio.setState({ epochOffset: 1 });
    addProgress(progress(2, 4, 1.5, metrics(0.7)));
    addEpoch({ epoch: 1, train: metrics(0.7), validation: metrics(0.8, 1000) });
    const s = useStudio.getState();
    expect(s.history.subsetLoss?.[0]?.x).toBe(1.5);
    expect(s.history.validationAccuracy).toEqual([{ x: 2, y: 0.8 }]);
    expect(s.validationView).toMatchObject({ epoch: 2, subset: false });
  });

  it('a finished run is kept once per build: "Train more" updates it, a new build adds another', () => {
    useStudio.setState({ hyper: { ...useStudio.getState().hyper, learningRate: 0.003 } });
    addProgress(progress(4, 4, 1.2));
    setStatus('done', null);
    expect(useRuns.getState().runs).toHaveLength(1);
    addProgress(progress(8, 4, 1.0));
    setStatus('done', null);
    expect(useRuns.getState().runs).toHaveLength(1);
    expect(useRuns.getState().runs[0]!.settings.epochs).toBe(2);
    expect(useRuns.getState().runs[0]!.settings.learningRate).toBe(0.003);
    useStudio.setState({ runId: 2, history: EMPTY_HISTORY });
    addProgress(progress(4, 4, 1.1));
    setStatus('diverged', 'too high');
    expect(useRuns.getState().runs.map((r) => [r.id, r.status])).toEqual([
      [1, 'done'],
      [2, 'diverged'],
    ]);
  });

  it('a run that never trained is not kept', () => {
    setStatus('done', null);
    expect(useRuns.getState().runs).toHaveLength(0);
  });
});

describe('kept runs', () => {
  const history = { ...EMPTY_HISTORY, trainLoss: [{ x: 1, y: 1 }] };
  const keep = (id: number): void => keepRun({ id, settings, history, status: 'done', validationAccuracy: null });

  it(`keeps at most ${MAX_RUNS}, dropping the oldest, each with its own colour`, () => {
    for (let id = 1; id <= MAX_RUNS + 2; id++) keep(id);
    const runs = useRuns.getState().runs;
    expect(runs.map((r) => r.id)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(runs.map((r) => r.color)).size).toBe(MAX_RUNS);
  });

  it('toggles one run and clears them all', () => {
    keep(1);
    keep(2);
    toggleRun(1);
    expect(useRuns.getState().runs.map((r) => r.visible)).toEqual([false, true]);
    clearRuns();
    expect(useRuns.getState().runs).toEqual([]);
  });

  it('runLabel names the settings that differ between runs', () => {
    expect(runLabel(settings)).toBe('Lecture CNN · Adam · lr 0.001 · batch 32 · 2 epochs');
    expect(runLabel({ ...settings, optimizer: 'sgd', schedule: 'cosine', epochs: 1, learningRate: 0.1 })).toBe(
      'Lecture CNN · SGD · lr 0.1 · cosine · batch 32 · 1 epoch',
    );
  });
});

describe('yExtent(values, domain)', () => {
  it("'zero' starts at 0 for positive data and at the lowest value for negative data", () => {
    expect(yExtent([2, 3, 5], 'zero')).toEqual([0, 5]);
    expect(yExtent([-2, 3], 'zero')).toEqual([-2, 3]);
  });

  it("'data' spans the values with 5% room; a flat series gets room around its level", () => {
    expect(yExtent([90, 100], 'data')).toEqual([89.5, 100.5]);
    expect(yExtent([4, 4], 'data')).toEqual([3.6, 4.4]);
  });

  it('a fixed [min, max] is kept whatever the data', () => {
    expect(yExtent([-5, 500], [0, 1])).toEqual([0, 1]);
  });
});
