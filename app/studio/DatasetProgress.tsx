/**
 * The dataset's loading progress from the worker's 'dataset-progress' messages: which file and
 * phase (download, decompress, parse), as a native <progress> when the total is known.
 */
import type { ReactElement } from 'react';
import { useStudio } from '../stores/studio';

const PHASE: Readonly<Record<string, string>> = {
  download: 'Downloading',
  decompress: 'Decompressing',
  parse: 'Reading',
};

export function DatasetProgress(): ReactElement | null {
  const status = useStudio((s) => s.dataset.status);
  const progress = useStudio((s) => s.dataset.progress);
  if (status !== 'loading') return null;
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  const text = progress
    ? `${PHASE[progress.phase] ?? progress.phase} ${progress.file}: ${mb(progress.loaded)}${progress.total ? ` of ${mb(progress.total)}` : ''} MB`
    : 'Loading the dataset…';
  return (
    <div className="dataset-progress" data-testid="dataset-progress">
      <progress
        max={progress?.total ?? undefined}
        value={progress?.total ? progress.loaded : undefined}
        aria-label="Dataset loading progress"
      />
      <span aria-live="polite">{text}</span>
    </div>
  );
}
