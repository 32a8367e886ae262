/**
 * The studio's status line: which engine trains (WebGPU with its adapter, or the CPU engine) and
 * why, in plain words, plus any error from the worker itself. It is a live region, so a screen
 * reader hears the backend once the worker has decided. The engine picker lets an instructor
 * compare engines (or avoid a slow software GPU): 'auto' is the worker's own choice.
 */
import type { ReactElement } from 'react';
import type { BackendChoice } from '../../engine/worker/protocol';
import { useStudio } from '../stores/studio';
import { chooseEngine } from './actions';

const CHOICES: readonly { readonly value: BackendChoice; readonly label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'cpu', label: 'CPU' },
];

export function StatusBar(): ReactElement {
  const backend = useStudio((s) => s.backend);
  const choice = useStudio((s) => s.engineChoice);
  const workerError = useStudio((s) => s.workerError);
  return (
    <div className="studio-status">
      <label className="engine-picker">
        Engine
        <select
          value={choice}
          disabled={backend === null}
          onChange={(event) => chooseEngine(event.target.value as BackendChoice)}
        >
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <span role="status" aria-live="polite" data-testid="backend-status">
        {backend === null ? (
          <span className="muted">Starting the training engine…</span>
        ) : (
          <span data-backend={backend.kind}>
            <strong>{backend.kind === 'webgpu' ? 'WebGPU engine' : 'CPU engine'}</strong>
            {backend.adapter ? ` (${backend.adapter})` : ''} — {backend.reason}
          </span>
        )}
      </span>
      {workerError && (
        <span className="studio-error" role="alert">
          {workerError}
        </span>
      )}
    </div>
  );
}
