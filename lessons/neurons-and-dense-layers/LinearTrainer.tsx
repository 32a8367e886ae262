/**
 * The linear classifier, trained live: pick the data (the built-in MNIST digits, or CIFAR-10 once
 * it is available), train with Start / Stop, and watch the loss fall, the ten rows of W turn into
 * class templates, and the per-class test accuracy that this run actually reaches. Each data set
 * trains in its own Web Worker (linearRun.ts); CIFAR-10 loaded in the page is handed over whole.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { LineChart } from '../../app/ui/LineChart';
import type { DatasetSplits } from '../../engine/data/dataset';
import { CifarSource } from './CifarSource';
import { LINEAR_BATCH, linearSetup, useLinearRun } from './linearRun';
import { PerClassAccuracy } from './PerClassAccuracy';
import { Templates } from './Templates';

type Source = 'mnist' | 'cifar';

export function LinearTrainer(): ReactElement {
  const [source, setSource] = useState<Source>('mnist');
  const [cifar, setCifar] = useState<DatasetSplits | null>(null);
  const [epochs, setEpochs] = useState(1);
  const mnistRun = useLinearRun(useMemo(() => linearSetup(null, false, epochs), [epochs]));
  const cifarRun = useLinearRun(
    useMemo(
      () => (cifar ? linearSetup({ kind: 'splits', train: cifar.train, test: cifar.test }, true, epochs) : null),
      [cifar, epochs],
    ),
  );
  const active = source === 'mnist' ? mnistRun : cifarRun;
  const { view, running, weights, metrics } = active;
  const data = view.dataset;
  const loading = view.status === 'loading';
  const inputs = data ? data.shape[0] * data.shape[1] * data.shape[2] : 0;
  const stepsPerEpoch = data ? Math.ceil(data.trainCount / LINEAR_BATCH) : 1;
  const message = view.status === 'error' || view.status === 'diverged' ? view.message : null;

  return (
    <div className="linear-trainer" data-testid="linear-trainer" data-source={source} data-running={running}>
      <div className="dense-knobs">
        <ChoiceGroup
          legend="Data"
          options={[
            { value: 'mnist', label: 'MNIST digits (built in, 28×28 grey)' },
            { value: 'cifar', label: 'CIFAR-10 (32×32 colour)' },
          ]}
          value={source}
          onChange={(s: Source) => {
            active.stop();
            setSource(s);
          }}
        />
        <ChoiceGroup
          legend="Epochs"
          options={[1, 2, 5].map((v) => ({ value: v, label: String(v) }))}
          value={epochs}
          onChange={setEpochs}
        />
      </div>
      {source === 'cifar' && !cifar && <CifarSource onReady={setCifar} />}
      {source === 'mnist' && loading && <p role="status">Loading the digits…</p>}
      {data && (
        <p className="dense-note">
          {data.trainCount.toLocaleString('en-US')} training and {data.testCount.toLocaleString('en-US')} test images; W
          is {data.classNames.length}×{inputs.toLocaleString('en-US')}; batches of {LINEAR_BATCH}, Adam, {stepsPerEpoch}{' '}
          steps per epoch{source === 'cifar' ? '; the learning rate falls to 5% over the run' : ''}.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={active.start} disabled={running || loading}>
          Start training
        </button>
        <button type="button" className="button" onClick={active.stop} disabled={!running}>
          Stop
        </button>
      </div>
      {message && <p role="alert">{message}</p>}
      <div className="dense-results">
        <LineChart
          testId="linear-loss"
          label="Training loss of the linear classifier against step"
          xLabel="training step"
          yLabel="training loss"
          xMax={stepsPerEpoch * epochs}
          series={[
            {
              id: 'loss',
              label: 'cross-entropy',
              color: 'var(--accent)',
              points: view.points.map((p) => ({ x: p.step, y: p.loss })),
            },
          ]}
        />
        {metrics && data && <PerClassAccuracy metrics={metrics} classNames={data.classNames} />}
      </div>
      {weights && data && <Templates weights={weights} shape={data.shape} classNames={data.classNames} />}
    </div>
  );
}
