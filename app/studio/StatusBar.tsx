/**
 * The studio's status line: which engine trains (WebGPU with its adapter, or one of the two CPU
 * engines, WebAssembly SIMD or TypeScript, with its threads) and why, in plain words, plus any
 * error from the worker itself. It is a live region, so a screen reader hears the engine once the
 * worker has decided. The engine picker lets an instructor compare engines (or avoid a slow
 * software GPU): 'auto' is the worker's own choice.
 */
import type { ReactElement } from 'react';
import type { EngineChoice } from '../../engine';
import { type BackendState, useStudio } from '../stores/studio';
import { chooseEngine } from './actions';

const CHOICES: readonly { readonly value: EngineChoice; readonly label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'wasm', label: 'CPU: WebAssembly' },
  { value: 'cpu', label: 'CPU: TypeScript' },
];

/** The engine's name, with its threads on the CPU engines (e.g. "CPU engine: WebAssembly SIMD, 1 thread"). */
export function engineName(backend: BackendState): string {
  if (backend.kind === 'webgpu') return 'WebGPU engine';
  const threads = `${backend.threads} thread${backend.threads === 1 ? '' : 's'}`;
  return `CPU engine: ${backend.kind === 'wasm' ? 'WebAssembly SIMD' : 'TypeScript'}, ${threads}`;
}

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
          onChange={(event) => chooseEngine(event.target.value as EngineChoice)}
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
            <strong data-testid="engine-name">{engineName(backend)}</strong>
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
