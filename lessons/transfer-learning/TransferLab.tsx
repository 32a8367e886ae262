/**
 * The live experiment: pretrain on 0-4, then learn 5-9 three ways (frozen trunk + new head,
 * fine-tune everything, from scratch) at 50 and at 500 labelled images. One button runs it all
 * (useTransferExperiment sequences the workers); for each size the page shows validation accuracy
 * on 5-9 after every epoch and the training loss at every step, the three runs side by side, and a
 * table of where each ended. Every number comes from the runs in the workers.
 */
import type { ReactElement } from 'react';
import { type ChartSeries, LineChart } from '../../app/ui/LineChart';
import type { RunView } from '../../app/ui/training/useWorkerRun';
import { EPOCHS, PRETRAIN_EPOCHS, SIZES, type Size, STRATEGIES, type Strategy, stepsFor } from './experiment';
import { type Finished, type Phase, useTransferExperiment } from './useTransferExperiment';

export const STRATEGY_LABEL: Record<Strategy, string> = {
  frozen: 'frozen trunk, new head',
  finetune: 'fine-tune everything',
  scratch: 'from scratch',
};
const COLOR: Record<Strategy, string> = {
  frozen: 'var(--tl-frozen)',
  finetune: 'var(--tl-finetune)',
  scratch: 'var(--tl-scratch)',
};

const percent = (v: number | null | undefined): string => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

function phaseText(phase: Phase, pre: RunView, paused: boolean): string {
  const pausedText = paused ? ' (paused)' : '';
  switch (phase) {
    case 'idle':
      return pre.status === 'ready' ? 'Ready.' : 'Loading the digits…';
    case 'pretraining':
      return `Pretraining on 0-4: step ${pre.stepsDone} of ${pre.totalSteps || '…'}${pausedText}.`;
    case 'copying':
      return 'Copying the pretrained conv layers into three new nets…';
    case 'size-50':
      return `Learning 5-9 from 50 images${pausedText}.`;
    case 'size-500':
      return `Learning 5-9 from 500 images${pausedText}.`;
    case 'done':
      return 'Finished: all six runs are done.';
    case 'failed':
      return 'Stopped.';
  }
}

/** The views to draw for one size: finished ones, else the live ones if this size is training. */
function viewsFor(size: Size, finished: Finished, liveSize: Size, live: Record<Strategy, RunView>, phase: Phase) {
  const done = finished[size];
  if (done) return done;
  const trainingThis = (phase === 'size-50' || phase === 'size-500') && liveSize === size;
  return trainingThis ? live : null;
}

function SizePanel({ size, views }: { size: Size; views: Record<Strategy, RunView> | null }): ReactElement {
  const accuracy: ChartSeries[] = STRATEGIES.map((s) => ({
    id: s,
    label: STRATEGY_LABEL[s],
    color: COLOR[s],
    points: (views?.[s].epochs ?? []).map((e) => ({ x: e.epoch, y: (e.valAccuracy ?? 0) * 100 })),
  }));
  const loss: ChartSeries[] = STRATEGIES.map((s) => ({
    id: s,
    label: STRATEGY_LABEL[s],
    color: COLOR[s],
    points: (views?.[s].points ?? []).map((p) => ({ x: p.step, y: p.loss })),
  }));
  return (
    <section className="tl-panel" data-testid={`panel-${size}`} aria-label={`${size} labelled images`}>
      <h3>{size} labelled images of 5-9</h3>
      {views === null ? (
        <p className="muted">Runs after {size === 50 ? 'pretraining' : 'the 50-image runs'}.</p>
      ) : (
        <p className="muted tl-steps" data-testid={`steps-${size}`}>
          {STRATEGIES.map((s) => `${STRATEGY_LABEL[s]}: step ${views[s].stepsDone} of ${views[s].totalSteps}`).join(
            '; ',
          )}
        </p>
      )}
      <LineChart
        label={`Validation accuracy on the digits 5-9 after each epoch, ${size} training images`}
        xLabel="epoch"
        yLabel="validation accuracy (%)"
        xMax={EPOCHS[size]}
        format={(v) => `${v.toFixed(1)}%`}
        // The strategies end a few points apart near the top: span the data, not 0-100%.
        yDomain="data"
        testId={`accuracy-${size}`}
        series={accuracy}
      />
      <LineChart
        label={`Training loss at every step, ${size} training images`}
        xLabel="step"
        yLabel="training loss"
        xMax={stepsFor(size)}
        testId={`loss-${size}`}
        series={loss}
      />
    </section>
  );
}

export function TransferLab(): ReactElement {
  const x = useTransferExperiment();
  const running = x.phase === 'pretraining' || x.phase === 'size-50' || x.phase === 'size-500';
  const canRun = x.phase === 'idle' && x.pretrain.status === 'ready';
  const pretrainEpochs = x.pretrain.epochs;
  const panels = SIZES.map((size) => ({ size, views: viewsFor(size, x.finished, x.liveSize, x.live, x.phase) }));

  return (
    <div className="tl-lab" data-testid="transfer-lab" data-phase={x.phase}>
      <div className="button-row" role="toolbar" aria-label="Experiment controls">
        {x.phase === 'idle' ? (
          <button type="button" className="button button--primary" onClick={x.run} disabled={!canRun}>
            Run the experiment
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={x.paused ? x.resume : x.pause}
            disabled={!running}
          >
            {x.paused ? 'Resume' : 'Pause'}
          </button>
        )}
        <button type="button" className="button" onClick={x.reset} disabled={x.phase === 'idle'}>
          Reset
        </button>
      </div>
      <p className="tl-status" aria-live="polite" data-testid="transfer-status">
        {phaseText(x.phase, x.pretrain, x.paused)}
      </p>
      <p className="tl-pretrain" data-testid="pretrain-result">
        Pretraining on 0-4 ({PRETRAIN_EPOCHS} epochs), validation accuracy on 0-4 after each epoch:{' '}
        <span data-testid="pretrain-accuracy">
          {pretrainEpochs.length ? pretrainEpochs.map((e) => percent(e.valAccuracy)).join(', ') : '—'}
        </span>
      </p>
      <div className="tl-panels">
        {panels.map(({ size, views }) => (
          <SizePanel key={size} size={size} views={views} />
        ))}
      </div>
      <div className="tl-table-scroll">
        <table className="data-table" data-testid="transfer-results">
          <caption>Validation accuracy on 5-9 at the end of each run, and what each run trained</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Trainable / all parameters</th>
              {SIZES.map((size) => (
                <th key={size} scope="col">
                  {size} images
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STRATEGIES.map((s) => {
              const summary = panels.find((p) => p.views)?.views?.[s].summary ?? null;
              return (
                <tr key={s} data-strategy={s}>
                  <th scope="row">{STRATEGY_LABEL[s]}</th>
                  <td data-testid={`params-${s}`}>
                    {summary
                      ? `${summary.trainableParams.toLocaleString('en-US')} / ${summary.totalParams.toLocaleString('en-US')}`
                      : '—'}
                  </td>
                  {panels.map(({ size }) => {
                    const done = x.finished[size]?.[s];
                    const last = done?.epochs[done.epochs.length - 1];
                    return (
                      <td key={size} data-testid={`final-${size}-${s}`} data-value={last?.valAccuracy ?? ''}>
                        {percent(last?.valAccuracy)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {x.message ? (
        <p className="field-message--error" role="alert">
          {x.message}
        </p>
      ) : null}
    </div>
  );
}
