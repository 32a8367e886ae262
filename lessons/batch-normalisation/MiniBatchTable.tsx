/**
 * The algorithm box, run on a mini-batch the student edits: a table of m examples by 3 features
 * (type into any cell, move with the arrow keys), γ and β per feature, and ε. Below it, every
 * step of the algorithm per feature: μ_B, σ²_B, the normalised x̂ and the output y = γx̂ + β, all
 * computed by the engine's batch norm (miniBatch.ts). Focusing a cell shows that value's working.
 */
import { type ReactElement, useCallback, useMemo, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { type GridCell, TensorGrid } from '../../app/ui/TensorGrid';
import { fmt, texNum } from './format';
import { normaliseMiniBatch } from './miniBatch';

const EXAMPLES = 6;
const FEATURES = 3;
/** Three features on very different scales, the situation batch norm was made for. */
const START: readonly number[] = [
  [1, 120, -0.2],
  [2, 80, 0.1],
  [3, 100, 0.4],
  [6, 140, 0],
  [4, 60, -0.3],
  [2, 100, 0],
].flat();

/** x̂ is 0/0 when a feature is constant and ε = 0: shown as a dash, with the reason below the grids. */
const format2 = (v: number): string => (Number.isFinite(v) ? fmt(v, 2) : '—');

/** A value the student typed, as typed; bracketed when negative. */
const plain = (v: number): string => (v < 0 ? `(${v})` : String(v));
const texFinite = (v: number): string => (Number.isFinite(v) ? fmt(v, 4) : '\\text{undefined}');

export function MiniBatchTable(): ReactElement {
  const [values, setValues] = useState<readonly number[]>(START);
  const [gamma, setGamma] = useState<readonly number[]>([1, 1, 1]);
  const [beta, setBeta] = useState<readonly number[]>([0, 0, 0]);
  const [epsilon, setEpsilon] = useState(1e-5);
  const [focus, setFocus] = useState({ row: 3, col: 0 });

  const result = useMemo(
    () => normaliseMiniBatch({ values, examples: EXAMPLES, features: FEATURES, gamma, beta, epsilon }),
    [values, gamma, beta, epsilon],
  );
  const onEdit = useCallback((index: number, value: number) => {
    setValues((old) => old.map((v, i) => (i === index ? value : v)));
  }, []);
  const onActive = useCallback((cell: GridCell | null) => {
    if (cell) setFocus({ row: cell.row, col: cell.col });
  }, []);
  const setAt = (list: readonly number[], f: number, v: number): number[] => list.map((old, i) => (i === f ? v : old));

  const undefinedFeatures = result.variance.flatMap((v, f) => (v + epsilon === 0 ? [f + 1] : []));
  const { row, col } = focus;
  const i = row * FEATURES + col;
  const x = values[i]!;
  const mu = result.mean[col]!;
  const v = result.variance[col]!;
  const m = EXAMPLES;
  const column = Array.from({ length: m }, (_, n) => values[n * FEATURES + col]!);

  return (
    <div
      className="bn-widget"
      data-testid="minibatch"
      data-values={JSON.stringify(values)}
      data-mean={JSON.stringify(result.mean)}
      data-variance={JSON.stringify(result.variance)}
      data-xhat={JSON.stringify(result.xhat)}
      data-y={JSON.stringify(result.y)}
      data-epsilon={epsilon}
    >
      <div className="bn-row">
        <div>
          <p className="bn-label">Mini-batch x (rows: examples, columns: features)</p>
          <TensorGrid
            values={values}
            rows={EXAMPLES}
            cols={FEATURES}
            label="Mini-batch values"
            editable
            onEdit={onEdit}
            onActiveCell={onActive}
            min={-1000}
            max={1000}
            highlight={i}
            size="lg"
            describe={(c) => `Example ${c.row + 1}, feature ${c.col + 1}: ${c.value}`}
          />
        </div>
        <div>
          <p className="bn-label">Normalised x̂</p>
          <TensorGrid
            values={result.xhat}
            rows={EXAMPLES}
            cols={FEATURES}
            label="Normalised values x-hat"
            heat="diverging"
            range={[-2.5, 2.5]}
            format={format2}
            highlight={i}
            size="lg"
            hideCaption
          />
        </div>
        <div>
          <p className="bn-label">Output y = γx̂ + β</p>
          <TensorGrid
            values={result.y}
            rows={EXAMPLES}
            cols={FEATURES}
            label="Outputs y"
            format={format2}
            highlight={i}
            size="lg"
            hideCaption
          />
        </div>
      </div>
      <div className="bn-scroll">
        <table className="bn-stats" data-testid="minibatch-stats">
          <caption className="visually-hidden">Per-feature statistics and parameters</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">μ_B</th>
              <th scope="col">σ²_B</th>
              <th scope="col">γ</th>
              <th scope="col">β</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: FEATURES }, (_, f) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: features are a fixed list
              <tr key={f} data-feature={f}>
                <th scope="row">{f + 1}</th>
                <td data-testid={`mean-${f}`}>{fmt(result.mean[f]!, 4)}</td>
                <td data-testid={`variance-${f}`}>{fmt(result.variance[f]!, 4)}</td>
                <td>
                  <NumberField
                    className="bn-param"
                    label={`γ for feature ${f + 1}`}
                    value={gamma[f]!}
                    onChange={(g) => setGamma((old) => setAt(old, f, g))}
                    min={-100}
                    max={100}
                  />
                </td>
                <td>
                  <NumberField
                    className="bn-param"
                    label={`β for feature ${f + 1}`}
                    value={beta[f]!}
                    onChange={(b) => setBeta((old) => setAt(old, f, b))}
                    min={-1000}
                    max={1000}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NumberField
        label="ε (epsilon)"
        className="bn-eps"
        value={epsilon}
        onChange={setEpsilon}
        min={0}
        max={10}
        hint="Keeps the division safe when a feature's values are all equal (σ² = 0)."
      />
      {undefinedFeatures.length > 0 && (
        <p className="field-message--error" data-testid="minibatch-undefined">
          Feature {undefinedFeatures.join(' and ')}: every value is the same, so σ² = 0 and with ε = 0 the division is
          0/0. x̂ is undefined; this is exactly what ε prevents.
        </p>
      )}
      <div className="bn-working" aria-live="polite" data-testid="minibatch-working">
        <p>
          Working for example {row + 1}, feature {col + 1} (focus any cell of the mini-batch to choose another):
        </p>
        <TeX
          block
          tex={`\\mu_{\\mathcal{B}} = \\tfrac{1}{${m}}(${column.map((c) => (c < 0 ? `(${c})` : String(c))).join(' + ')}) = ${fmt(mu, 4)}`}
        />
        <TeX
          block
          tex={`\\sigma^2_{\\mathcal{B}} = \\tfrac{1}{${m}}\\textstyle\\sum_i (x_i - ${texNum(mu, 4)})^2 = ${fmt(v, 4)}`}
        />
        <TeX
          block
          tex={`\\hat{x} = \\frac{${x} - ${texNum(mu, 4)}}{\\sqrt{${fmt(v, 4)} + ${epsilon}}} = ${texFinite(result.xhat[i]!)}`}
        />
        <TeX
          block
          tex={`y = ${plain(gamma[col]!)} \\times ${Number.isFinite(result.xhat[i]!) ? texNum(result.xhat[i]!, 4) : '\\text{undefined}'} + ${plain(beta[col]!)} = ${texFinite(result.y[i]!)}`}
        />
      </div>
    </div>
  );
}
