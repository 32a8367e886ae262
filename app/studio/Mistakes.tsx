/**
 * The mistakes gallery: the images of the validation (or test) split that the network currently
 * gets wrong, most confident mistakes first, each with its true and predicted class and the top
 * three probabilities. The worker evaluates the split between training steps ('mistakes'
 * request); the view asks again at each epoch's end, when training pauses or stops, for another
 * split or class, and on Refresh — never more than one request at a time, and only while this tab
 * is open (the inspector mounts only the selected tab).
 */
import { type ReactElement, useCallback, useEffect, useRef, useState } from 'react';
import type { EvalSplit, FromWorker, MistakeItem } from '../../engine/worker/protocol';
import { useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { errorText, studioClient } from './controller';
import './studio-evaluation.css';

type Answer = Extract<FromWorker, { type: 'mistakes' }>;
interface Question {
  readonly split: EvalSplit;
  readonly label: number | null;
}

/** Thumbnails shown at most (the most confident mistakes). */
const SHOWN = 60;
/** Images evaluated per refresh at most, so a refresh costs the trainer a fraction of a second. */
export const MISTAKES_MAX_IMAGES = 2000;

/** One empty list, so the store selector returns a stable value (a new [] would re-render forever). */
const NO_CLASSES: readonly string[] = [];

const pct = (p: number): string => `${Math.round(p * 100)}%`;
const count = (n: number): string => n.toLocaleString('en-US');

export function MistakesView(): ReactElement {
  const datasetStatus = useStudio((s) => s.dataset.status);
  const info = useStudio((s) => s.dataset.info);
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const built = useStudio((s) => s.built);
  const lastEpoch = useStudio((s) => s.lastEpoch);
  const status = useStudio((s) => s.status);
  const [split, setSplit] = useState<EvalSplit>('validation');
  const [label, setLabel] = useState<number | null>(null);
  const [answer, setAnswer] = useState<{ readonly asked: Question; readonly answer: Answer } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  const wanted = useRef<Question>({ split, label });
  wanted.current = { split, label };
  const ready = datasetStatus === 'ready' && built !== null;

  const refresh = useCallback((): void => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const asked = wanted.current;
    studioClient()
      .mistakes(asked.split, { limit: SHOWN, label: asked.label, maxImages: MISTAKES_MAX_IMAGES })
      .then(
        (a) => {
          if (same(asked, wanted.current)) setAnswer({ asked, answer: a });
          setError(null);
        },
        (e: unknown) => setError(errorText(e)),
      )
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
        if (alive.current && (again.current || !same(asked, wanted.current))) {
          again.current = false;
          refresh();
        }
      });
  }, []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // A new model or dataset: the old answer describes other weights or images.
  // biome-ignore lint/correctness/useExhaustiveDependencies: built and info are the triggers
  useEffect(() => {
    setAnswer(null);
    setError(null);
  }, [built, info]);

  // Ask (again) on opening, for another split or class or model, at each epoch's end and whenever the
  // run's status changes (paused, done: the weights are at rest). Requests never overlap (refresh).
  // biome-ignore lint/correctness/useExhaustiveDependencies: these values are the triggers, not inputs
  useEffect(() => {
    if (ready) refresh();
  }, [ready, split, label, built, lastEpoch, status, refresh]);

  if (datasetStatus === 'loading' || datasetStatus === 'idle') return <p className="muted">Loading the dataset…</p>;
  if (datasetStatus === 'error' || !info) return <p className="muted">Load a dataset to see the network’s mistakes.</p>;
  if (!built) return <p className="muted">Build a model to see its mistakes.</p>;

  const splitName = split === 'validation' ? 'validation' : 'test';
  const className = (i: number): string => classes[i] ?? String(i);
  const current = answer && same(answer.asked, { split, label }) ? answer.answer : null;
  // The class counts come from any answer for this split: every answer has the whole split's metrics.
  const latest = answer && answer.asked.split === split ? answer.answer : null;
  const perClass = latest ? wrongPerClass(latest, classes.length) : null;

  return (
    <div className="mistakes" data-testid="mistakes-view">
      <div className="mistakes-controls">
        <fieldset className="segmented mistakes-split">
          <legend className="visually-hidden">Images</legend>
          {(['validation', 'test'] as const).map((s) => (
            <label key={s} className={`segmented-option${split === s ? ' is-selected' : ''}`}>
              <input type="radio" name="mistakes-split" value={s} checked={split === s} onChange={() => setSplit(s)} />
              {s === 'validation' ? 'Validation' : 'Test'} (
              {count(s === 'validation' ? info.validationCount : info.testCount)})
            </label>
          ))}
        </fieldset>
        <label className="mistakes-filter">
          True class{' '}
          <select
            value={label === null ? '' : String(label)}
            onChange={(e) => setLabel(e.target.value === '' ? null : Number(e.target.value))}
            data-testid="mistakes-class"
          >
            <option value="">all{latest ? ` (${count(latest.wrong)} wrong)` : ''}</option>
            {classes.map((c, i) => (
              <option key={c} value={String(i)}>
                {c}
                {perClass ? ` (${perClass[i]} wrong)` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={refresh} disabled={busy}>
          {busy ? 'Evaluating…' : 'Refresh'}
        </button>
      </div>
      {error && <p className="studio-error">{error}</p>}
      {!current ? (
        <p className="muted">Evaluating the {splitName} images…</p>
      ) : (
        <>
          <Summary
            answer={current}
            splitName={splitName}
            label={label}
            labelWrong={label === null || !perClass ? null : (perClass[label] ?? 0)}
            className={className}
          />
          {current.items.length > 0 && (
            <ul className="mistake-grid" data-testid="mistake-grid">
              {current.items.map((m) => (
                <Mistake key={m.index} item={m} className={className} splitName={splitName} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

const same = (a: Question, b: Question): boolean => a.split === b.split && a.label === b.label;

function wrongPerClass(answer: Answer, classes: number): number[] {
  const { confusion } = answer.metrics;
  return Array.from({ length: classes }, (_, t) => {
    let n = 0;
    for (let p = 0; p < classes; p++) if (p !== t) n += confusion[t * classes + p]!;
    return n;
  });
}

function Summary(props: {
  answer: Answer;
  splitName: string;
  label: number | null;
  /** Mistakes on the filtered true class (null with no filter). */
  labelWrong: number | null;
  className: (i: number) => string;
}): ReactElement {
  const { answer, splitName, label, labelWrong, className } = props;
  const { evaluated, total, wrong, metrics, items } = answer;
  const of =
    evaluated < total
      ? `the first ${count(evaluated)} of ${count(total)} ${splitName} images`
      : `${count(evaluated)} ${splitName} images`;
  const shownWrong = labelWrong ?? wrong;
  return (
    <p
      className="studio-caption"
      data-testid="mistakes-summary"
      data-wrong={wrong}
      data-evaluated={evaluated}
      data-accuracy={metrics.accuracy}
    >
      {wrong === 0 || shownWrong === 0 ? (
        <>
          No mistakes{label === null ? '' : ` on true class ${className(label)}`} among {of}
          {wrong > 0 ? ` (${count(wrong)} on other classes)` : ''}.
        </>
      ) : (
        <>
          <strong>{count(wrong)}</strong> of {of} are misclassified (accuracy {(metrics.accuracy * 100).toFixed(1)}%,
          loss {metrics.loss.toFixed(3)})
          {label === null ? '' : `; ${count(shownWrong)} of them are ${className(label)}s`}.{' '}
          {items.length < shownWrong ? `The ${items.length} most confident mistakes:` : 'Most confident first:'}
        </>
      )}
    </p>
  );
}

function Mistake(props: { item: MistakeItem; className: (i: number) => string; splitName: string }): ReactElement {
  const { item, className, splitName } = props;
  const [, c = 1, h = 1, w = 1] = item.image.shape;
  const top = [...item.probabilities]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);
  const confidence = item.probabilities[item.predicted] ?? 0;
  return (
    <li
      className="mistake"
      data-testid="mistake"
      data-label={item.label}
      data-predicted={item.predicted}
      title={`${splitName} image #${item.index}`}
    >
      <ImageCanvas
        data={item.image.data}
        shape={[c, h, w]}
        range={[0, 1]}
        scale={w <= 32 ? 2 : 1}
        label={`${splitName} image ${item.index}: a ${className(item.label)}`}
      />
      <div className="mistake-text">
        <p className="mistake-caption">
          true <strong className="mistake-true">{className(item.label)}</strong> → predicted{' '}
          <strong className="mistake-predicted">{className(item.predicted)}</strong> ({pct(confidence)})
        </p>
        <ol className="mistake-top3" aria-label="Top three probabilities">
          {top.map((t) => (
            <li key={t.i} className={t.i === item.label ? 'is-true' : undefined}>
              <span className="mistake-top3-name">{className(t.i)}</span>
              <span className="mistake-top3-bar">
                <span style={{ width: `${Math.max(1, t.p * 100)}%` }} />
              </span>
              <span className="mistake-top3-p">{pct(t.p)}</span>
            </li>
          ))}
        </ol>
      </div>
    </li>
  );
}
