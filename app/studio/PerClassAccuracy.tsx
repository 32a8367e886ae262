/**
 * Validation accuracy of each class, as bars: which digits (or which CIFAR classes) the model
 * still gets wrong. While training it follows the validation subset's checks, several per epoch,
 * and the full pass at each epoch's end; it reads the same metrics as the confusion matrix (the
 * worker's perClassAccuracy is that matrix's diagonal over its row sums), so the two agree.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';
import { useShownValidation, validationWhen } from './shownValidation';

const NO_CLASSES: readonly string[] = [];

export function PerClassAccuracy(): ReactElement | null {
  const shown = useShownValidation();
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const metrics = shown?.metrics;
  if (!shown || !metrics) return null;
  const worst = metrics.perClassAccuracy.reduce(
    (w, a, i) => (Number.isFinite(a) && (w < 0 || a < metrics.perClassAccuracy[w]!) ? i : w),
    -1,
  );
  return (
    <table className="per-class" data-testid="per-class-accuracy" data-subset={shown.subset} data-epoch={shown.epoch}>
      <caption className="studio-caption">
        Accuracy per class on {validationWhen(shown)}
        {worst >= 0 ? ` — weakest: ${classes[worst] ?? worst}` : ''}.
      </caption>
      <tbody>
        {classes.map((name, c) => {
          const a = metrics.perClassAccuracy[c] ?? Number.NaN;
          return (
            <tr key={name} data-class={c} data-value={Number.isFinite(a) ? a : ''}>
              <th scope="row">{name}</th>
              <td className="per-class-bar-cell">
                <span className="per-class-bar" style={{ width: `${Number.isFinite(a) ? a * 100 : 0}%` }} />
              </td>
              <td className="per-class-value">{Number.isFinite(a) ? `${(a * 100).toFixed(1)}%` : '— (none)'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
