/**
 * Nearest neighbours in code space against nearest neighbours in pixel space: for the picked
 * image, the 8 other images closest to it by Euclidean distance between their 32-number codes,
 * and the 8 closest between their 784 raw pixels, each with its label and distance, and how many
 * of the 8 share the picked image's label. Computed here from the codes and pixels the worker
 * sent (a brute-force scan, a millisecond or two).
 */

import { type ReactElement, useMemo } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { aDigit } from './classColours';
import { type Neighbour, nearestNeighbours } from './neighbours';
import type { Codes } from './useCodes';

const K = 8;
const PIXELS = 784;

function Row({
  title,
  testId,
  neighbours,
  codes,
  label,
}: {
  readonly title: string;
  readonly testId: string;
  readonly neighbours: readonly Neighbour[];
  readonly codes: Codes;
  readonly label: number;
}): ReactElement {
  const same = neighbours.filter((n) => codes.labels[n.index] === label).length;
  return (
    <div className="cc-nn-row" data-testid={testId} data-same={same}>
      <h3>
        {title}: <span data-testid={`${testId}-same`}>{same}</span> of {K} are {label}s
      </h3>
      <ol className="cc-nn-list">
        {neighbours.map((n) => {
          const l = codes.labels[n.index]!;
          return (
            <li
              key={n.index}
              data-index={n.index}
              data-label={l}
              className={l === label ? 'cc-nn-same' : 'cc-nn-other'}
            >
              <ImageCanvas
                data={codes.images.subarray(n.index * PIXELS, (n.index + 1) * PIXELS)}
                shape={[1, 28, 28]}
                range={[0, 1]}
                scale={2.5}
                label={`Image ${n.index}, ${aDigit(l)}`}
              />
              <span className="cc-nn-label">{l}</span>
              <span className="cc-nn-distance">d = {n.distance.toFixed(2)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function NeighboursView({
  codes,
  picked,
  onPick,
}: {
  readonly codes: Codes;
  readonly picked: number;
  readonly onPick: (index: number) => void;
}): ReactElement {
  const query = Math.min(picked, codes.count - 1);
  const label = codes.labels[query]!;
  const byCode = useMemo(() => nearestNeighbours(codes.codes, codes.dim, query, K), [codes, query]);
  const byPixel = useMemo(() => nearestNeighbours(codes.images, PIXELS, query, K), [codes, query]);
  return (
    <div className="cc-nn" data-testid="neighbours" data-query={query} data-query-label={label}>
      <div className="cc-nn-query">
        <ImageCanvas
          data={codes.images.subarray(query * PIXELS, (query + 1) * PIXELS)}
          shape={[1, 28, 28]}
          range={[0, 1]}
          scale={4}
          label={`The picked image ${query}, ${aDigit(label)}`}
        />
        <div>
          <p>
            Picked image <strong>{query}</strong>, label <strong>{label}</strong>
          </p>
          <div className="button-row">
            <button type="button" onClick={() => onPick((query + codes.count - 1) % codes.count)}>
              Previous image
            </button>
            <button type="button" onClick={() => onPick((query + 1) % codes.count)}>
              Next image
            </button>
          </div>
          <label>
            Image number{' '}
            <input
              type="number"
              min={0}
              max={codes.count - 1}
              value={query}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (Number.isFinite(v)) onPick(Math.max(0, Math.min(codes.count - 1, v)));
              }}
            />
          </label>
        </div>
      </div>
      <Row title="Nearest by code" testId="nn-code" neighbours={byCode} codes={codes} label={label} />
      <Row title="Nearest by pixels" testId="nn-pixel" neighbours={byPixel} codes={codes} label={label} />
    </div>
  );
}
