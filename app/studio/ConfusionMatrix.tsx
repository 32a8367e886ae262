/**
 * The latest validation confusion matrix: rows are the true class, columns the
 * predicted class, each cell a count shaded by its share of the row, so the mistakes a model makes
 * (4 read as 9, cat as dog) stand out. Updates at each validation check (several per epoch).
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';
import { heatColours } from '../ui/heat';
import { useShownValidation, validationWhen } from './shownValidation';

/** One empty list, so the store selector returns a stable value (a new [] would re-render forever). */
const NO_CLASSES: readonly string[] = [];

export function ConfusionMatrix(): ReactElement {
  // The latest validation, subset check or full pass: the per-class view beside it shows the same.
  const shown = useShownValidation();
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const metrics = shown?.metrics;
  if (!shown || !metrics)
    return (
      <p className="muted">
        The matrix appears at the first validation check, early in the first epoch (with a validation set).
      </p>
    );
  const k = classes.length;
  const short = (name: string): string => (name.length > 5 ? name.slice(0, 4) : name);
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption className="studio-caption">
        On {validationWhen(shown)}: rows are the true class, columns the prediction.
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">true class</span>
          </th>
          {classes.map((c) => (
            <th key={c} scope="col" title={c}>
              {short(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {classes.map((c, t) => {
          let row = 0;
          for (let p = 0; p < k; p++) row += metrics.confusion[t * k + p]!;
          return (
            <tr key={c}>
              <th scope="row" title={c}>
                {short(c)}
              </th>
              {classes.map((pc, p) => {
                const n = metrics.confusion[t * k + p]!;
                // sqrt lifts the few mistakes off white without washing out the diagonal.
                const colours = heatColours(row ? Math.sqrt(n / row) : 0, 'sequential', [0, 1]);
                return (
                  <td key={pc} style={colours} title={`true ${c}, predicted ${pc}: ${n}`}>
                    {n}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
