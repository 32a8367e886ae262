/**
 * "Download CIFAR-10 (163 MB)" where the dev or preview server can fetch it: a button, then a
 * progress bar while the server downloads and checks it, then `onReady` (load it). Shows nothing
 * on a static host (no service) or when the server already has the dataset.
 */
import { type ReactElement, useEffect, useRef } from 'react';
import {
  DATASET_TITLES,
  refreshServerDatasets,
  type ServerDataset,
  startServerDownload,
  useServerDatasets,
} from './serverDatasets';
import './DatasetDownload.css';

const mb = (n: number): string => (n / 1e6).toFixed(1);

export function DatasetDownload({
  dataset,
  onReady,
}: {
  readonly dataset: ServerDataset;
  /** Called once when a download started here finishes. */
  readonly onReady?: () => void;
}): ReactElement | null {
  const service = useServerDatasets((s) => s.service);
  const status = useServerDatasets((s) => s.datasets[dataset]);
  const started = useRef(false);
  useEffect(() => {
    if (useServerDatasets.getState().service === 'unknown') void refreshServerDatasets();
  }, []);
  useEffect(() => {
    if (started.current && status?.state === 'present') {
      started.current = false;
      onReady?.();
    }
  }, [status?.state, onReady]);

  if (service !== 'available' || !status || status.state === 'present') return null;
  const { title, size } = DATASET_TITLES[dataset];
  if (status.state === 'downloading') {
    const part = status.files > 1 ? `file ${status.file} of ${status.files}: ` : '';
    const amount = status.total ? `${mb(status.received)} of ${mb(status.total)} MB` : `${mb(status.received)} MB`;
    return (
      <div className="dataset-download" data-testid={`download-${dataset}`} data-state="downloading">
        <progress
          max={status.total ?? undefined}
          value={status.total ? status.received : undefined}
          aria-label={`Downloading ${title}`}
        />
        <span aria-live="polite">
          Downloading {title}: {part}
          {amount}
        </span>
      </div>
    );
  }
  return (
    <div className="dataset-download" data-testid={`download-${dataset}`} data-state={status.state}>
      <button
        type="button"
        className="button"
        onClick={() => {
          started.current = true;
          void startServerDownload(dataset);
        }}
      >
        {status.state === 'failed' ? `Try the ${title} download again` : `Download ${title} (${size})`}
      </button>
      <span className="muted">
        The local server fetches it from its public home and checks it; it then stays on this machine.
      </span>
      {status.error && (
        <p className="field-message--error" role="alert">
          The download failed: {status.error}
        </p>
      )}
    </div>
  );
}
