/**
 * Training versus inference. "Feed a batch" pushes the next mini-batch (8 values of one feature,
 * drawn from a population with mean 5 and standard deviation 2) through a training-mode batch norm;
 * the chart follows the running mean and variance as they creep from PyTorch's start (0 and 1)
 * towards the population's. Below, one input is normalised both ways by the same layer: with its
 * batch's own statistics (training) and with the running ones (evaluation), so the same number gives
 * two different outputs. Every number comes from the engine (runningStats.ts).
 */
import { type ReactElement, useMemo, useState } from 'react';
import { LineChart } from '../../app/ui/LineChart';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { fmt } from './format';
import { compareModes, drawBatch, feedBatches, INITIAL_RUNNING, MOMENTUM, type Population } from './runningStats';

const POPULATION: Population = { mean: 5, std: 2, batchSize: 8, seed: 11 };
const MAX_BATCHES = 60;

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

export function RunningAverages(): ReactElement {
  const [fed, setFed] = useState(0);
  const [pick, setPick] = useState(1);
  const batches = useMemo(() => Array.from({ length: fed }, (_, k) => drawBatch(POPULATION, k)), [fed]);
  const history = useMemo(() => feedBatches(batches), [batches]);
  const running = history[history.length - 1] ?? INITIAL_RUNNING;
  const batch = batches[batches.length - 1];
  const modes = batch ? compareModes(batch, pick - 1, running) : null;
  const feed = (n: number): void => setFed((k) => Math.min(MAX_BATCHES, k + n));

  const trueVar = POPULATION.std ** 2;
  const xs = [0, ...history.map((_, k) => k + 1)];
  return (
    <div
      className="bn-widget"
      data-testid="running"
      data-k={fed}
      data-batch={batch ? JSON.stringify(batch) : ''}
      data-running-mean={running.runningMean}
      data-running-var={running.runningVar}
      data-pick={pick}
      data-train-output={modes?.train ?? ''}
      data-eval-output={modes?.eval ?? ''}
    >
      <div className="button-row" role="toolbar" aria-label="Feed mini-batches">
        <button type="button" className="button button--primary" onClick={() => feed(1)} disabled={fed >= MAX_BATCHES}>
          Feed a batch
        </button>
        <button type="button" className="button" onClick={() => feed(10)} disabled={fed >= MAX_BATCHES}>
          Feed 10 batches
        </button>
        <button type="button" className="button" onClick={() => setFed(0)} disabled={fed === 0}>
          Reset
        </button>
        <span aria-live="polite" data-testid="running-count">
          {fed} of {MAX_BATCHES} batches fed
        </span>
      </div>
      <div className="bn-row">
        <div className="bn-readout">
          <p data-testid="running-batch">
            {batch ? (
              <>
                Batch {fed}: {batch.join(', ')}
                <br />
                its mean {fmt(mean(batch), 4)}, its variance (unbiased, ÷{batch.length - 1}){' '}
                {fmt((mean(batch.map((v) => (v - mean(batch)) ** 2)) * batch.length) / (batch.length - 1), 4)}
              </>
            ) : (
              'No batch fed yet: the running statistics hold their starting values.'
            )}
          </p>
          <TeX
            block
            tex={`\\begin{aligned}\\text{running mean} &= ${fmt(running.runningMean, 4)} \\\\ \\text{running var} &= ${fmt(running.runningVar, 4)}\\end{aligned}`}
          />
        </div>
        <LineChart
          label="Running mean and variance against the number of batches fed"
          xLabel="batches fed"
          yLabel="value"
          xMax={20}
          testId="running-chart"
          format={(v) => fmt(v, 3)}
          series={[
            {
              id: 'mean',
              label: 'running mean',
              color: 'var(--accent)',
              points: [INITIAL_RUNNING, ...history].map((r, k) => ({ x: xs[k]!, y: r.runningMean })),
            },
            {
              id: 'var',
              label: 'running variance',
              color: 'var(--bn-var)',
              points: [INITIAL_RUNNING, ...history].map((r, k) => ({ x: xs[k]!, y: r.runningVar })),
            },
            {
              id: 'true-mean',
              label: `population mean (${POPULATION.mean})`,
              color: 'var(--border-strong)',
              points: [
                { x: 0, y: POPULATION.mean },
                { x: Math.max(20, fed), y: POPULATION.mean },
              ],
            },
            {
              id: 'true-var',
              label: `population variance (${trueVar})`,
              color: 'var(--border-strong)',
              points: [
                { x: 0, y: trueVar },
                { x: Math.max(20, fed), y: trueVar },
              ],
            },
          ]}
        />
      </div>
      <div className="bn-modes" data-testid="modes">
        <NumberField
          label="Example of the latest batch"
          className="bn-eps"
          value={pick}
          onChange={setPick}
          min={1}
          max={POPULATION.batchSize}
          integer
        />
        {batch && modes ? (
          <>
            <p>
              The same input, x = {batch[pick - 1]}, through the same layer (γ = 1, β = 0, momentum {MOMENTUM}):
            </p>
            <ul>
              <li data-testid="train-output">
                training mode (this batch's μ and σ²): <strong>{fmt(modes.train, 4)}</strong>
              </li>
              <li data-testid="eval-output">
                evaluation mode (running mean and variance): <strong>{fmt(modes.eval, 4)}</strong>
              </li>
            </ul>
          </>
        ) : (
          <p className="muted">Feed a batch to compare the two modes.</p>
        )}
      </div>
    </div>
  );
}
