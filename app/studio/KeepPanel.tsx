/**
 * The studio's "Saved" tab: keep the current model in this browser (IndexedDB) or as a .convlab
 * file, load, export or delete saved ones, import a file (picker or drop), copy a link that sets
 * the studio up as it is now, and see that the session is autosaved. Every outcome is said in
 * place; a failed import or load changes nothing.
 */
import { type DragEvent, type FormEvent, type ReactElement, useEffect, useId, useState } from 'react';
import { useStudio } from '../stores/studio';
import { formatCount } from '../ui/summaryResult';
import type { SavedModelMeta } from './keep/db';
import { ExportButtons } from './keep/ExportButtons';
import { useKeep } from './keep/keepStore';
import { hasUnsavedTraining, modelTrained } from './keep/keptState';
import {
  ACCEPT,
  copyShareLink,
  deleteSaved,
  exportCurrent,
  exportSaved,
  importFiles,
  loadSaved,
  refreshSaved,
  saveCurrent,
} from './keep/library';
import { defaultModelName } from './keep/modelFile';
import { formatEpochs } from './keep/restore';
import { specTitle } from './keep/snapshot';
import './keep/keep.css';

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function KeepPanel(): ReactElement {
  useEffect(() => {
    void refreshSaved();
  }, []);
  return (
    <div className="studio-panel keep-panel" data-testid="keep-panel">
      <SaveForm />
      <KeepMessageLine />
      <SavedList />
      <ImportBox />
      <ShareBox />
      <AutosaveLine />
    </div>
  );
}

function SaveForm(): ReactElement {
  const id = useId();
  const built = useStudio((s) => s.built);
  const builtSpec = useStudio((s) => s.builtSpec);
  const accuracy = useStudio((s) => s.lastEpoch?.validation?.accuracy ?? null);
  const busy = useKeep((s) => s.busy);
  // modelTrained() reads module state: these make the hint follow training and rebuilds.
  useStudio((s) => s.status);
  useStudio((s) => s.history);
  const [name, setName] = useState('');
  const placeholder = builtSpec ? defaultModelName(specTitle(builtSpec), new Date(), accuracy) : '';

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void saveCurrent(name).then((ok) => ok && setName(''));
  };

  return (
    <section className="keep-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Keep this model</h2>
      {built === null ? (
        <p className="muted">The model can be kept once the dataset has loaded.</p>
      ) : (
        <form className="keep-save" onSubmit={onSubmit}>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            placeholder={placeholder}
            maxLength={120}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              Save in this browser
            </button>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void exportCurrent(name)}>
              Download as file
            </button>
          </div>
          <ExportButtons source={{ kind: 'current', name }} />
          <p className="muted keep-hint">
            {modelTrained()
              ? 'Keeps the spec, hyperparameters, dataset, learning curves and trained weights.'
              : 'Not trained yet: saving keeps its initial weights.'}
          </p>
        </form>
      )}
    </section>
  );
}

function KeepMessageLine(): ReactElement | null {
  const busy = useKeep((s) => s.busy);
  const message = useKeep((s) => s.message);
  if (busy) {
    return (
      <p className="muted keep-message" role="status" data-testid="keep-busy">
        {busy}
      </p>
    );
  }
  if (!message) return null;
  return message.kind === 'error' ? (
    <p className="studio-error keep-message" role="alert" data-testid="keep-message" data-kind="error">
      {message.text}
    </p>
  ) : (
    <p className="keep-ok keep-message" role="status" data-testid="keep-message" data-kind="ok">
      {message.text}
    </p>
  );
}

function SavedList(): ReactElement {
  const id = useId();
  const saved = useKeep((s) => s.saved);
  const storageError = useKeep((s) => s.storageError);
  return (
    <section className="keep-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Saved in this browser</h2>
      {storageError && <p className="studio-error">{storageError}</p>}
      {saved === null ? (
        <p className="muted">Reading…</p>
      ) : saved.length === 0 ? (
        !storageError && <p className="muted">Nothing saved yet.</p>
      ) : (
        <ul className="keep-list" aria-label="Saved models" data-testid="saved-list">
          {saved.map((m) => (
            <SavedRow key={m.id} meta={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

type Confirm = 'none' | 'delete' | 'replace';

function SavedRow({ meta }: { readonly meta: SavedModelMeta }): ReactElement {
  const busy = useKeep((s) => s.busy !== null);
  const highlighted = useKeep((s) => s.highlight === meta.id);
  const [confirm, setConfirm] = useState<Confirm>('none');
  const quality = [
    when(meta.savedAt),
    meta.accuracy !== null ? `${(meta.accuracy * 100).toFixed(1)}% validation accuracy` : 'no validation yet',
  ].filter(Boolean);
  const model = [
    meta.specName,
    `${formatCount(meta.params)} parameters`,
    `${formatEpochs(meta.epochs)} on ${meta.datasetName}`,
  ];

  const load = (): void => {
    if (hasUnsavedTraining()) setConfirm('replace');
    else void loadSaved(meta.id);
  };

  return (
    <li
      className={highlighted ? 'keep-item is-highlighted' : 'keep-item'}
      data-testid="saved-model"
      data-name={meta.name}
    >
      <div className="keep-item-name">{meta.name}</div>
      <div className="keep-item-meta">{quality.join(' · ')}</div>
      <div className="keep-item-meta">{model.join(' · ')}</div>
      {confirm === 'none' && (
        <div className="button-row keep-item-actions">
          <button type="button" className="button button--small" disabled={busy} onClick={load}>
            Load
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void exportSaved(meta.id)}
          >
            Export
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirm('delete')}>
            Delete
          </button>
        </div>
      )}
      {confirm === 'none' && <ExportButtons source={{ kind: 'saved', id: meta.id }} />}
      {confirm === 'delete' && (
        <div className="keep-confirm">
          <span>Delete it from this browser?</span>
          <button
            type="button"
            className="button button--small keep-danger"
            onClick={() => {
              setConfirm('none');
              void deleteSaved(meta.id);
            }}
          >
            Delete
          </button>
          <button type="button" className="button button--small" onClick={() => setConfirm('none')}>
            Keep
          </button>
        </div>
      )}
      {confirm === 'replace' && (
        <div className="keep-confirm">
          <span>The current model has training that is not saved. Replace it?</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setConfirm('none');
              void saveCurrent('').then((ok) => ok && loadSaved(meta.id));
            }}
          >
            Save it, then load
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setConfirm('none');
              void loadSaved(meta.id);
            }}
          >
            Load anyway
          </button>
          <button type="button" className="button button--small" onClick={() => setConfirm('none')}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}

function ImportBox(): ReactElement {
  const id = useId();
  const [over, setOver] = useState(false);
  const busy = useKeep((s) => s.busy !== null);
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !busy) void importFiles(files);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input is the accessible way
    <div
      className={over ? 'drop-zone keep-drop is-over' : 'drop-zone keep-drop'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="keep-drop"
    >
      <label htmlFor={id}>Import a .convlab model file (or drop it here):</label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        multiple
        disabled={busy}
        data-testid="keep-import"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) void importFiles(files);
        }}
      />
    </div>
  );
}

function ShareBox(): ReactElement {
  const id = useId();
  const link = useKeep((s) => s.shareLink);
  const copied = useKeep((s) => s.shareCopied);
  return (
    <section className="keep-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Share this set-up</h2>
      <p className="muted keep-hint">
        A link that opens the studio with this dataset, architecture and hyperparameters (not the trained weights:
        export a file for those).
      </p>
      <button type="button" className="button" onClick={() => void copyShareLink()}>
        Copy share link
      </button>
      {link && (
        <>
          <label className="keep-link" htmlFor={`${id}-link`}>
            <span>
              {copied === 'copied'
                ? 'Copied to the clipboard:'
                : 'Copy this link (the clipboard is not available here):'}
            </span>
          </label>
          <input
            id={`${id}-link`}
            className="keep-link-field"
            type="text"
            readOnly
            value={link}
            data-testid="share-link"
            onFocus={(event) => event.target.select()}
          />
        </>
      )}
    </section>
  );
}

function AutosaveLine(): ReactElement {
  const state = useKeep((s) => s.autosave);
  const at = useKeep((s) => s.autosavedAt);
  const error = useKeep((s) => s.autosaveError);
  const text =
    state === 'off'
      ? 'This browser cannot keep the session: a reload starts over.'
      : state === 'error'
        ? `The last autosave failed: ${error}`
        : state === 'saving'
          ? 'Saving the session…'
          : state === 'pending'
            ? 'The session is saved in this browser as you work: after a pause, a step or an epoch, and every few seconds of training.'
            : state === 'starting'
              ? 'Reading the last session…'
              : `Your session (set-up, model, weights and curves) is kept in this browser as you work${at ? `; last saved ${new Date(at).toLocaleTimeString('en-GB')}` : ''}. A reload brings it back.`;
  return (
    <p
      className={state === 'error' ? 'studio-error keep-autosave' : 'muted keep-autosave'}
      data-testid="autosave"
      data-state={state}
    >
      {text}
    </p>
  );
}
