/**
 * The linear classifier, trained live: pick the data (the built-in MNIST digits, or CIFAR-10 once
 * it is available), train with Start / Stop, and watch the loss fall, the ten rows of W turn into
 * class templates, and the per-class test accuracy that this run actually reaches.
 */
import { type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { type ChartPoint, LineChart } from '../../app/ui/LineChart';
import type { DatasetSplits } from '../../engine/data/dataset';
import { splitEmbedded } from '../../engine/data/embedded';
import type { Metrics } from '../../engine/train/metrics';
import { useMnist } from '../images-are-tensors/useMnist';
import { CifarSource } from './CifarSource';
import { LINEAR_BATCH, LinearRun } from './linearRun';
import { PerClassAccuracy } from './PerClassAccuracy';
import { Templates } from './Templates';

type Source = 'mnist' | 'cifar';

export function LinearTrainer(): ReactElement {
  const mnist = useMnist();
  const [source, setSource] = useState<Source>('mnist');
  const [cifar, setCifar] = useState<DatasetSplits | null>(null);
  const [epochs, setEpochs] = useState(1);
  const [running, setRunning] = useState(false);
  const [loss, setLoss] = useState<readonly ChartPoint[]>([]);
  const [weights, setWeights] = useState<Float32Array | null>(null);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = useRef<LinearRun | null>(null);
  useEffect(() => () => run.current?.stop(), []);

  const mnistSplits = useMemo(() => (mnist.status === 'ready' ? splitEmbedded(mnist.dataset) : null), [mnist]);
  const splits = source === 'mnist' ? mnistSplits : cifar;

  const reset = (): void => {
    run.current?.stop();
    setLoss([]);
    setWeights(null);
    setMetrics(null);
    setMessage(null);
  };
  const start = (): void => {
    if (!splits) return;
    reset();
    setRunning(true);
    const r = new LinearRun(splits, epochs, {
      onProgress: (step, _total, l, w) => {
        setLoss((pts) => [...pts, { x: step, y: l }]);
        setWeights(w);
      },
      onEpoch: (_epoch, test) => setMetrics(test),
      onStatus: (status, msg) => {
        if (status !== 'running' && status !== 'paused') setRunning(false);
        if (msg) setMessage(msg);
      },
    });
    run.current = r;
    void r.run();
  };
  const inputs = splits ? splits.train.shape[0] * splits.train.shape[1] * splits.train.shape[2] : 0;
  const stepsPerEpoch = splits ? Math.ceil(splits.train.count / LINEAR_BATCH) : 1;

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
            reset();
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
      {source === 'mnist' && mnist.status !== 'ready' && (
        <p role="status">{mnist.status === 'loading' ? 'Loading the digits…' : mnist.message}</p>
      )}
      {splits && (
        <p className="dense-note">
          {splits.train.count.toLocaleString('en-US')} training and {splits.test.count.toLocaleString('en-US')} test
          images; W is {splits.train.classNames.length}×{inputs.toLocaleString('en-US')}; batches of {LINEAR_BATCH},
          Adam, {stepsPerEpoch} steps per epoch.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={start} disabled={running || !splits}>
          Start training
        </button>
        <button type="button" className="button" onClick={() => run.current?.stop()} disabled={!running}>
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
          series={[{ id: 'loss', label: 'cross-entropy', color: 'var(--accent)', points: loss }]}
        />
        {metrics && splits && <PerClassAccuracy metrics={metrics} classNames={splits.train.classNames} />}
      </div>
      {weights && splits && (
        <Templates weights={weights} shape={splits.train.shape} classNames={splits.train.classNames} />
      )}
    </div>
  );
}
