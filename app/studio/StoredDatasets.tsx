/**
 * The Data tab's "Kept in this browser" list: each stored dataset with its size, a button to
 * load it and one to delete it, and the worker's note on the last load (including a full quota).
 */
import { type ReactElement, useEffect } from 'react';
import type { StoredSet } from '../../engine/data/browser-store';
import { formatBytes } from '../../engine/data/limits';
import { loadDataset, loadFiles } from './actions';
import { deleteStoredDataset, refreshStoredDatasets, storedFiles, useStoredDatasets } from './storedDatasets';

const TITLES: Readonly<Record<string, string>> = {
  mnist: 'Full MNIST',
  cifar10: 'CIFAR-10',
  'dropped-mnist': 'Your dropped MNIST files',
  'dropped-cifar10': 'Your dropped CIFAR-10 files',
};

async function use(set: StoredSet): Promise<void> {
  if (set.name === 'mnist' || set.name === 'cifar10') loadDataset(set.name);
  else await loadFiles(await storedFiles(set));
}

export function StoredDatasets({ busy }: { readonly busy: boolean }): ReactElement | null {
  const { sets, supported, note, error } = useStoredDatasets();
  useEffect(() => {
    void refreshStoredDatasets();
  }, []);
  if (!supported) {
    return (
      <p className="muted">
        This browser cannot keep datasets between visits, so full datasets load again after a reload.
      </p>
    );
  }
  const known = (sets ?? []).filter((s) => TITLES[s.name] && s.bytes > 0);
  return (
    <section className="stored-datasets" aria-labelledby="stored-datasets-title" data-testid="stored-datasets">
      <h3 id="stored-datasets-title">Kept in this browser</h3>
      {note && (
        <p
          className={note.where === 'not-kept' ? 'studio-error' : 'muted'}
          data-testid="keep-note"
          data-where={note.where}
        >
          {note.message}
        </p>
      )}
      {error && <p className="studio-error">{error}</p>}
      {known.length === 0 ? (
        <p className="muted">Nothing yet: full MNIST, CIFAR-10 and files you drop are kept here after they load.</p>
      ) : (
        <ul>
          {known.map((set) => (
            <li key={set.name} data-testid={`stored-${set.name}`}>
              <span>
                <strong>{TITLES[set.name]}</strong> · {formatBytes(set.bytes)}
              </span>
              <button type="button" className="button" disabled={busy} onClick={() => void use(set)}>
                Load
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={`Delete ${TITLES[set.name]} from this browser`}
                onClick={() => void deleteStoredDataset(set.name)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
