/**
 * Why inverted dropout needs no change at test time: the average of many masked passes of the
 * same layer approaches the layer without dropout. Each "+n masks" runs the engine's dropout n
 * more times and adds the outputs to a running sum; the table shows, for a few units, how often
 * each was kept and the mean of its outputs, and the chart the mean gap |mean − x| over all 64
 * units as masks accumulate. Without the 1/(1 − p) factor the means settle at (1 − p)·x instead,
 * which is why the original dropout paper scaled the outputs by 1 − p (0.5) at test time.
 */
import { type ReactElement, useId, useMemo, useRef, useState } from 'react';
import { LineChart } from '../../app/ui/LineChart';
import { createRng, type Rng } from '../../engine/tensor/rng';
import { dropLayer, LAYER_UNITS, layerActivations } from './dropoutLayer';
import { count, fmt } from './format';

/** The units listed in the table (the chart covers all of them). */
const SHOWN_UNITS = [0, 1, 2, 3, 4, 5] as const;
const BATCHES = [1, 10, 100, 1000] as const;

interface Tally {
  readonly samples: number;
  readonly sums: Float64Array;
  readonly kept: Uint32Array;
  readonly history: readonly { readonly x: number; readonly y: number }[];
}

const emptyTally = (): Tally => ({
  samples: 0,
  sums: new Float64Array(LAYER_UNITS),
  kept: new Uint32Array(LAYER_UNITS),
  history: [],
});

export function DropoutAverage(): ReactElement {
  const uid = useId();
  const x = useMemo(() => layerActivations(), []);
  const [rate, setRate] = useState(0.5);
  const [scaled, setScaled] = useState(true);
  const [tally, setTally] = useState<Tally>(emptyTally);
  const rng = useRef<Rng>(createRng(11));

  const restart = (): void => {
    rng.current = createRng(11);
    setTally(emptyTally());
  };
  const target = (i: number): number => (scaled ? x[i]! : (1 - rate) * x[i]!);
  const gap = (sums: Float64Array, samples: number): number => {
    let total = 0;
    for (let i = 0; i < LAYER_UNITS; i++) total += Math.abs(sums[i]! / samples - x[i]!);
    return total / LAYER_UNITS;
  };
  const add = (n: number): void => {
    const sums = tally.sums.slice();
    const kept = tally.kept.slice();
    const history = [...tally.history];
    // Up to ~20 chart points per click, so the curve shows how the gap shrinks along the way.
    const every = Math.max(1, Math.floor(n / 20));
    for (let s = 1; s <= n; s++) {
      const { output, mask } = dropLayer(x, rate, rng.current);
      // Without scaling a kept unit passes x itself: the engine's output times (1 − p).
      const factor = scaled ? 1 : 1 - rate;
      for (let i = 0; i < LAYER_UNITS; i++) {
        sums[i]! += output[i]! * factor;
        if (mask[i] !== 0) kept[i]! += 1;
      }
      if (s % every === 0 || s === n) {
        const samples = tally.samples + s;
        history.push({ x: samples, y: gap(sums, samples) });
      }
    }
    setTally({ samples: tally.samples + n, sums, kept, history });
  };

  const last = tally.history[tally.history.length - 1];
  return (
    <div
      className="reg-widget"
      data-testid="dropout-average"
      data-rate={rate}
      data-scaled={scaled}
      data-samples={tally.samples}
      data-gap={last?.y ?? ''}
    >
      <div className="reg-controls">
        <div className="number-field reg-slider">
          <label htmlFor={`${uid}-p`}>Drop rate p = {fmt(rate, 2)}</label>
          <input
            id={`${uid}-p`}
            type="range"
            min={0.1}
            max={0.9}
            step={0.05}
            value={rate}
            onChange={(e) => {
              setRate(Number(e.target.value));
              restart();
            }}
          />
        </div>
        <label className="reg-check">
          <input
            type="checkbox"
            checked={scaled}
            onChange={(e) => {
              setScaled(e.target.checked);
              restart();
            }}
          />{' '}
          Scale kept units by 1/(1 − p)
        </label>
      </div>
      <div className="button-row" role="toolbar" aria-label="Add masked passes">
        {BATCHES.map((n) => (
          <button key={n} type="button" className="button" onClick={() => add(n)}>
            +{count(n)} {n === 1 ? 'mask' : 'masks'}
          </button>
        ))}
        <button type="button" className="button" onClick={restart}>
          Start over
        </button>
      </div>
      <div className="reg-pair">
        <table className="reg-table" data-testid="dropout-average-table">
          <caption>
            After {count(tally.samples)} {tally.samples === 1 ? 'mask' : 'masks'}
          </caption>
          <thead>
            <tr>
              <th scope="col">unit</th>
              <th scope="col">x</th>
              <th scope="col">kept</th>
              <th scope="col">mean output</th>
              <th scope="col">{scaled ? 'x' : '(1 − p)·x'}</th>
            </tr>
          </thead>
          <tbody>
            {SHOWN_UNITS.map((i) => (
              <tr
                key={i}
                data-x={x[i]}
                data-kept={tally.kept[i]}
                data-mean={tally.samples ? tally.sums[i]! / tally.samples : ''}
              >
                <th scope="row">{i + 1}</th>
                <td>{fmt(x[i]!, 2)}</td>
                <td>{count(tally.kept[i]!)}</td>
                <td>{tally.samples ? fmt(tally.sums[i]! / tally.samples, 3) : '–'}</td>
                <td>{fmt(target(i), 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {tally.history.length > 0 ? (
          <LineChart
            label="Mean gap between the average masked output and the unscaled activation, against the number of masks"
            xLabel="masks averaged"
            yLabel="mean |average − x|"
            xMax={10}
            testId="dropout-gap-chart"
            series={[{ id: 'gap', label: 'mean |average − x|', color: 'var(--accent)', points: tally.history }]}
          />
        ) : (
          <p className="reg-placeholder">The gap, averaged over all 64 units, is plotted here once masks are added.</p>
        )}
      </div>
      <p aria-live="polite">
        {last
          ? `Averaged over ${count(tally.samples)} masks, the outputs differ from the activations without dropout by ${fmt(last.y, 3)} on average.`
          : 'Add masks to average the layer over many random masks.'}
      </p>
    </div>
  );
}
