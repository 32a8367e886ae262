/**
 * Gradient descent on the elongated bowl of surface.ts, one update at a time. A learning-rate
 * slider (with three presets: too small, good, too large) recomputes the whole run through the
 * engine's SGD optimiser; Play/Step/Back walk along it on the contour plot, and the update of the
 * current step is written out with its numbers. Clicking the plot moves the starting point.
 */
import { type ReactElement, useId, useMemo } from 'react';
import { ContourPlot } from '../../app/ui/ContourPlot';
import { TeX } from '../../app/ui/Math';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { listCodec, numberCodec, refineCodec } from '../../app/ui/urlCodecs';
import { useUrlState } from '../../app/ui/urlState';
import { useStepper } from '../../app/ui/useStepper';
import { fmt } from './format';
import { descend, gradient, LEVELS, LR_LIMIT, loss, START, X_DOMAIN, Y_DOMAIN } from './surface';

const STEPS = 30;
const PRESETS: readonly { readonly label: string; readonly lr: number }[] = [
  { label: 'Too small (0.01)', lr: 0.01 },
  { label: 'Good (0.16)', lr: 0.16 },
  { label: 'Too large (0.21)', lr: 0.21 },
];

// The explorer's state in the lesson's address (app/ui/urlState.ts), bounded as the controls are.
const LR_CODEC = numberCodec(0.005, 0.25);
const START_CODEC = refineCodec(
  listCodec(numberCodec(Math.min(X_DOMAIN[0], Y_DOMAIN[0]), Math.max(X_DOMAIN[1], Y_DOMAIN[1])), 2),
  ([x, y]) => x! >= X_DOMAIN[0] && x! <= X_DOMAIN[1] && y! >= Y_DOMAIN[0] && y! <= Y_DOMAIN[1],
  'the point inside the plot',
);

export function DescentExplorer(): ReactElement {
  const uid = useId();
  const [lr, setLr, lrNotice] = useUrlState('gd.lr', LR_CODEC, 0.16);
  const [linkedStart, setStart, startNotice] = useUrlState<readonly number[]>('gd.w0', START_CODEC, START);
  const start = useMemo((): readonly [number, number] => [linkedStart[0]!, linkedStart[1]!], [linkedStart]);
  const atStart = start[0] === START[0] && start[1] === START[1];
  const run = useMemo(() => descend({ kind: 'sgd' }, lr, STEPS, start), [lr, start]);
  const stepper = useStepper(run.points.length, 350);
  const k = stepper.step;
  const [w1, w2] = run.points[k]!;
  const [g1, g2] = gradient(w1, w2);
  const next = run.points[k + 1];

  const verdict = run.diverged
    ? 'diverges'
    : lr < 0.05
      ? 'crawls'
      : loss(...run.points[run.points.length - 1]!) < 0.01
        ? 'converges'
        : 'slow';

  return (
    <div
      className="gd-widget"
      data-testid="descent"
      data-lr={lr}
      data-step={k}
      data-w={JSON.stringify([w1, w2])}
      data-verdict={verdict}
    >
      <UrlNotice notices={[lrNotice, startNotice]} />
      <div className="gd-controls">
        <div className="number-field gd-slider">
          <label htmlFor={`${uid}-lr`}>Learning rate α = {lr.toFixed(3)}</label>
          <input
            id={`${uid}-lr`}
            type="range"
            min={0.005}
            max={0.25}
            step={0.005}
            value={lr}
            onChange={(e) => setLr(Number(e.target.value))}
          />
        </div>
        <div className="button-row" role="toolbar" aria-label="Learning-rate presets">
          {PRESETS.map((p) => (
            <button key={p.lr} type="button" className="button" aria-pressed={lr === p.lr} onClick={() => setLr(p.lr)}>
              {p.label}
            </button>
          ))}
          <button type="button" className="button" onClick={() => setStart(START)} disabled={atStart}>
            Reset start
          </button>
        </div>
      </div>
      <div className="gd-stage" {...stepperKeyProps(stepper, 'Gradient descent steps: use the arrow keys')}>
        <ContourPlot
          f={loss}
          xDomain={X_DOMAIN}
          yDomain={Y_DOMAIN}
          levels={LEVELS}
          target={[0, 0]}
          paths={[
            { id: 'sgd', label: 'gradient descent', color: 'var(--gd-path)', points: run.points.slice(0, k + 1) },
          ]}
          xLabel="w1"
          yLabel="w2"
          label={`Contours of L = ½(w1² + 10·w2²) with the descent path after ${k} steps`}
          onPick={(x, y) => setStart([Number(x.toFixed(1)), Number(y.toFixed(1))])}
          testId="descent-plot"
        />
        <div className="gd-readout" aria-live="polite">
          <p>
            Step {k}: <TeX tex={`w = (${fmt(w1)},\\ ${fmt(w2)}),\\quad L = ${fmt(loss(w1, w2))}`} />
          </p>
          {next ? (
            <TeX
              block
              tex={`\\begin{aligned} w_{${k + 1}} &= w_{${k}} - \\alpha\\,\\nabla L(w_{${k}}) \\\\ &= ${vec(w1, w2)} - ${lr.toFixed(3)} ${vec(g1, g2)} \\\\ &= ${vec(next[0], next[1])} \\end{aligned}`}
            />
          ) : (
            <p className="muted">End of the run. Play again, or change α.</p>
          )}
          <p className={`gd-verdict gd-verdict--${verdict}`} data-testid="descent-verdict">
            With α = {lr.toFixed(3)}: {VERDICT_TEXT[verdict]}
          </p>
        </div>
      </div>
      <StepControls stepper={stepper} noun="update" />
      <p className="gd-hint">
        Along w2 the bowl is 10 times steeper, so α must stay below 2/10 = {LR_LIMIT} there; along w1 the same α makes
        slow progress. Click the plot to start from somewhere else.
      </p>
    </div>
  );
}

const vec = (a: number, b: number): string => `\\begin{pmatrix}${fmt(a)} \\\\ ${fmt(b)}\\end{pmatrix}`;

const VERDICT_TEXT: Record<string, string> = {
  crawls: 'Too small: every step is safe, but 30 of them barely move w1. Training would take forever.',
  slow: 'Getting there, but not yet at the minimum after 30 steps.',
  converges: 'A good rate: w2 settles after a few zig-zags and w1 glides to the minimum.',
  diverges: 'Too large: each step overshoots the valley further than the last, and the loss grows without bound.',
};
