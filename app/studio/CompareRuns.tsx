/**
 * Compare runs: the finished runs of this session (at most eight), each with the settings that
 * produced it, its final validation accuracy and a switch that shows or hides its curves, drawn
 * faintly behind the current run's in both charts. Reset, change one setting, train again, and
 * the two runs sit side by side. "Clear" forgets them all.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';
import { clearRuns, runLabel, toggleRun, useRuns } from '../stores/studioRuns';

export function CompareRuns(): ReactElement {
  const runs = useRuns((s) => s.runs);
  const current = useStudio((s) => s.runId);
  if (runs.length === 0) {
    return (
      <p className="compare-runs-empty muted" data-testid="compare-runs-empty">
        Finished runs are kept here to compare: train, press Reset, change a setting and train again.
      </p>
    );
  }
  return (
    <div className="compare-runs" data-testid="compare-runs">
      <div className="compare-runs-head">
        <h3>Compare runs</h3>
        <button type="button" className="button compare-runs-clear" onClick={clearRuns}>
          Clear
        </button>
      </div>
      <ul className="compare-runs-list">
        {runs.map((run) => {
          const label = runLabel(run.settings);
          const accuracy = run.validationAccuracy;
          return (
            <li key={run.id} data-run={run.id} data-visible={run.visible} data-current={run.id === current}>
              <label>
                <input type="checkbox" checked={run.visible} onChange={() => toggleRun(run.id)} />
                <span className="curve-swatch curve-swatch--faint" style={{ color: run.color }} />
                <span className="compare-runs-label">{label}</span>
                <span className="muted">
                  {run.status === 'diverged' ? ' · diverged' : ''}
                  {accuracy === null ? '' : ` · validation ${(accuracy * 100).toFixed(1)}%`}
                  {run.id === current ? ' · this run (drawn in full)' : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
