/**
 * Where CIFAR-10 comes from, shown in place: whether the server has the archive (after `npm run
 * fetch-data`), a button to load it, or a file picker for the official archive or its batch files,
 * with a progress bar while it downloads, decompresses and parses. Calls `onReady` with the splits.
 */
import { type ReactElement, useCallback, useEffect, useId, useRef, useState } from 'react';
import { DatasetDownload } from '../../app/ui/data/DatasetDownload';
import type { DatasetSplits } from '../../engine/data/dataset';
import type { LoadProgress } from '../../engine/data/progress';
import { cifarInBrowser, cifarOnServer, loadCifarFromFiles, loadCifarFromServer } from './cifarData';

type Phase =
  | { readonly kind: 'checking' }
  | { readonly kind: 'idle'; readonly onServer: boolean }
  | { readonly kind: 'loading'; readonly progress: LoadProgress | null }
  | { readonly kind: 'error'; readonly message: string; readonly onServer: boolean };

const PHASE_NAMES: Record<LoadProgress['phase'], string> = {
  download: 'Reading',
  decompress: 'Decompressing',
  parse: 'Parsing',
};

export function CifarSource({ onReady }: { readonly onReady: (splits: DatasetSplits) => void }): ReactElement {
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const available = useRef(false);
  const load = useCallback(
    async (job: (progress: (p: LoadProgress) => void) => Promise<DatasetSplits>): Promise<void> => {
      setPhase({ kind: 'loading', progress: null });
      try {
        onReady(await job((progress) => setPhase({ kind: 'loading', progress })));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setPhase({ kind: 'error', message, onServer: available.current });
      }
    },
    [onReady],
  );
  useEffect(() => {
    let live = true;
    // CIFAR-10 is used as soon as it is here: kept in this browser, or on the server.
    void Promise.all([cifarInBrowser(), cifarOnServer()]).then(([kept, onServer]) => {
      if (!live) return;
      available.current = kept || onServer;
      setPhase({ kind: 'idle', onServer: available.current });
      if (available.current) void load(loadCifarFromServer);
    });
    return () => {
      live = false;
    };
  }, [load]);
  const onServer = phase.kind === 'idle' || phase.kind === 'error' ? phase.onServer : false;

  if (phase.kind === 'checking') return <p role="status">Looking for CIFAR-10 on the server…</p>;
  if (phase.kind === 'loading') {
    const p = phase.progress;
    return (
      <div className="cifar-source" data-testid="cifar-source" data-state="loading">
        <label>
          {p ? `${PHASE_NAMES[p.phase]} ${p.file}…` : 'Starting…'}
          <progress max={p?.total ?? undefined} value={p?.total ? p.loaded : undefined} />
        </label>
      </div>
    );
  }
  return (
    <div className="cifar-source" data-testid="cifar-source" data-state={onServer ? 'available' : 'missing'}>
      {onServer ? (
        <p>
          The CIFAR-10 archive is on this server.{' '}
          <button type="button" className="button button--primary" onClick={() => void load(loadCifarFromServer)}>
            Load CIFAR-10 (170 MB)
          </button>
        </p>
      ) : (
        <p>
          <strong>CIFAR-10 is not on this server.</strong> It is too big to ship with the page: run{' '}
          <code>npm run fetch-data</code> and reload, or pick the official <code>cifar-10-binary.tar.gz</code> (or some
          of its <code>data_batch_*.bin</code> files) from your disk. Meanwhile the MNIST digits work the same way.
        </p>
      )}
      {!onServer && <DatasetDownload dataset="cifar10" onReady={() => void load(loadCifarFromServer)} />}
      <label htmlFor={inputId}>CIFAR-10 file(s) from disk</label>{' '}
      <input
        id={inputId}
        type="file"
        multiple
        accept=".gz,.tgz,.tar,.bin"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length > 0) void load((progress) => loadCifarFromFiles(files, progress));
        }}
      />
      {phase.kind === 'error' && (
        <p className="field-message--error" role="alert">
          {phase.message}
        </p>
      )}
    </div>
  );
}
