/**
 * The dataset browser: any split, all classes or one, a page of images at a time, each with its
 * label, and how many images each class has. The images come from the worker (which holds the
 * data) as the bytes the dataset stores. Clicking a validation image picks it for the inspector's
 * activations, since the inspector runs validation samples.
 */
import { type ReactElement, useEffect, useState } from 'react';
import type { BrowsePage } from '../../engine/worker/browse';
import type { BrowseSplit } from '../../engine/worker/protocol';
import { chooseSample, useStudio } from '../stores/studio';
import { ImageCanvas } from '../ui/ImageCanvas';
import { studioClient } from './controller';
import { markLiveDirty } from './live';

const PAGE_SIZE = 24;

const SPLITS: readonly { readonly value: BrowseSplit; readonly label: string }[] = [
  { value: 'train', label: 'Training' },
  { value: 'validation', label: 'Validation' },
  { value: 'test', label: 'Test' },
];

export function DatasetBrowser(): ReactElement | null {
  const info = useStudio((s) => (s.dataset.status === 'ready' ? s.dataset.info : null));
  const chosen = useStudio((s) => (s.activationSource === 'sample' ? s.sample : null));
  const [split, setSplit] = useState<BrowseSplit>('validation');
  const [label, setLabel] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<BrowsePage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!info) return;
    let current = true;
    studioClient()
      .browse(split, label, offset, PAGE_SIZE)
      .then((p) => {
        if (current) {
          setPage(p);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      current = false;
    };
  }, [info, split, label, offset]);

  if (!info) return null;
  const classes = info.classNames;
  const total = page?.total ?? 0;
  const size = page ? page.shape[0] * page.shape[1] * page.shape[2] : 0;
  const last = Math.min(offset + PAGE_SIZE, total);

  return (
    <section className="dataset-browser" aria-label="Dataset browser" data-testid="dataset-browser">
      <div className="dataset-browser-controls">
        <label className="select-field">
          Split
          <select
            value={split}
            onChange={(e) => {
              setSplit(e.target.value as BrowseSplit);
              setOffset(0);
            }}
          >
            {SPLITS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          Class
          <select
            value={label ?? ''}
            onChange={(e) => {
              setLabel(e.target.value === '' ? null : Number(e.target.value));
              setOffset(0);
            }}
          >
            <option value="">All classes</option>
            {classes.map((name, c) => (
              <option key={name} value={c}>
                {name}
                {page ? ` (${page.perClass[c]?.toLocaleString('en-US')})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="studio-error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <>
          <p className="studio-caption" data-testid="browser-range">
            {total === 0
              ? 'No images.'
              : `${(offset + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
            {split === 'validation' && total > 0 ? ' · pick one to inspect its activations' : ''}
          </p>
          <ul className="sample-grid" data-testid="sample-grid">
            {Array.from(page.indices, (index, k) => {
              const name = classes[page.labels[k]!] ?? String(page.labels[k]);
              const image = (
                <ImageCanvas
                  data={page.images.subarray(k * size, (k + 1) * size)}
                  shape={page.shape}
                  range={[0, 255]}
                  scale={2}
                  label=""
                />
              );
              return (
                <li key={index} className="sample-cell" data-label={page.labels[k]}>
                  {split === 'validation' ? (
                    <button
                      type="button"
                      className="sample-button"
                      aria-pressed={chosen === index}
                      aria-label={`Validation sample ${index}: ${name}`}
                      onClick={() => {
                        chooseSample(index);
                        markLiveDirty();
                      }}
                    >
                      {image}
                    </button>
                  ) : (
                    <span
                      className="sample-button"
                      title={`${SPLITS.find((s) => s.value === split)?.label} image ${index}`}
                    >
                      {image}
                    </span>
                  )}
                  <span className="sample-label">{name}</span>
                </li>
              );
            })}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              ‹ Previous
            </button>
            <button
              type="button"
              className="button"
              disabled={last >= total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Next ›
            </button>
          </div>
        </>
      )}
    </section>
  );
}
