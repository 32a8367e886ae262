/**
 * The codes of validation images embedded in 2-D: pick a layer (by default the input of the last
 * dense layer, the "CNN code") and how many images, press Embed, and the worker reads that
 * layer's outputs (the 'codes' inspect query) while a second worker lays them out with UMAP.
 * Only on request, never continuously: both steps take seconds. Training moves the codes, so the
 * view says when the map no longer matches the weights.
 */
import { type ReactElement, useMemo, useState } from 'react';
import type { InspectResult } from '../../engine/worker/inspect';
import { useStudio } from '../stores/studio';
import { CodeScatter } from '../ui/embedding/CodeScatter';
import { codeLayers, defaultCodeLayer } from '../ui/embedding/codeLayer';
import { useEmbedding } from '../ui/embedding/useEmbedding';
import { ImageCanvas } from '../ui/ImageCanvas';
import { errorText, studioClient } from './controller';
import { objectId } from './pacedQuery';
import './studio-embedding.css';

type CodesResult = Extract<InspectResult, { kind: 'codes' }>;

interface Read {
  readonly codes: CodesResult;
  readonly count: number;
  readonly shape: readonly [number, number, number];
  /** The model and training progress the codes were read from (identities). */
  readonly builtId: number;
  readonly progress: object | null;
  readonly step: number;
}

type ReadState =
  | { readonly status: 'idle' }
  | { readonly status: 'reading'; readonly count: number }
  | { readonly status: 'ready'; readonly read: Read }
  | { readonly status: 'error'; readonly message: string };

const COUNTS = [500, 1000, 2000] as const;
const EMBED_SEED = 7;
/** On-screen width of the active image, in CSS px at the default root font. */
const IMAGE_SIZE = 112;
const NO_CLASSES: readonly string[] = [];

export function EmbeddingView(): ReactElement {
  const built = useStudio((s) => s.built);
  const ready = useStudio((s) => s.dataset.status === 'ready');
  const available = useStudio((s) => s.dataset.info?.validationCount ?? 0);
  const classes = useStudio((s) => s.dataset.info?.classNames ?? NO_CLASSES);
  const progress = useStudio((s) => s.progress);
  const running = useStudio((s) => s.status === 'running');
  const [layerChoice, setLayerChoice] = useState<number | null>(null);
  const [count, setCount] = useState<number>(COUNTS[0]);
  const [state, setState] = useState<ReadState>({ status: 'idle' });
  const [active, setActive] = useState(0);

  const fallback = useMemo(() => (built ? defaultCodeLayer(built) : null), [built]);
  const layers = useMemo(() => (built ? codeLayers(built) : []), [built]);
  const layer = layerChoice !== null && layerChoice < (built?.layers.length ?? 0) ? layerChoice : fallback?.index;

  const read = state.status === 'ready' ? state.read : null;
  const input = useMemo(() => read && { vectors: read.codes.codes, dim: read.codes.dim, seed: EMBED_SEED }, [read]);
  const latest = useEmbedding(input);
  // Points embedding an older input are not shown as current.
  const embedding = latest.status === 'done' && latest.input !== input ? null : latest;

  if (!built || !ready) return <p className="muted">Waiting for the model and the data…</p>;

  const embed = (): void => {
    if (layer === undefined || layer === null) return;
    const [c = 1, h = 1, w = 1] = built.layers[0]!.outputShape as readonly number[];
    const from = { builtId: objectId(built), progress, step: progress?.step ?? 0 };
    setState({ status: 'reading', count });
    setActive(0);
    studioClient()
      .inspect({ kind: 'codes', layer, count })
      .then(
        (result) => {
          if (result.kind !== 'codes') throw new Error(`expected codes, got ${result.kind}`);
          setState({ status: 'ready', read: { codes: result, count, shape: [c, h, w], ...from } });
        },
        (error: unknown) => setState({ status: 'error', message: errorText(error) }),
      )
      .catch((error: unknown) => setState({ status: 'error', message: errorText(error) }));
  };

  const rebuilt = read !== null && read.builtId !== objectId(built);
  const trainedSince = read !== null && !rebuilt && read.progress !== progress;
  const name = (label: number): string => classes[label] ?? String(label);
  const size = read ? read.shape[0] * read.shape[1] * read.shape[2] : 0;
  const shown = read && active < read.count ? active : 0;
  const layerName = (index: number): string => {
    const l = built.layers[index]!;
    const dim = l.outputShape.reduce((a, b) => a * b, 1);
    return `${l.id} (${l.type}, ${dim.toLocaleString('en-US')} numbers)`;
  };

  return (
    <div className="embedding-view" data-testid="embedding-view" data-embedding={embedding?.status ?? 'running'}>
      <div className="studio-caption embedding-controls">
        <label>
          Layer{' '}
          <select
            value={layer ?? ''}
            onChange={(event) => setLayerChoice(Number(event.target.value))}
            disabled={layers.length === 0}
          >
            {layer === null || layer === undefined ? <option value="">none</option> : null}
            {layers.map((l) => (
              <option key={l.id} value={l.index}>
                {layerName(l.index)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Images{' '}
          <select value={count} onChange={(event) => setCount(Number(event.target.value))}>
            {COUNTS.map((c) => (
              <option key={c} value={c} disabled={c > available}>
                {c.toLocaleString('en-US')}
                {c > available ? ' (more than the validation set)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={embed}
          disabled={layer === null || layer === undefined || count > available || state.status === 'reading'}
        >
          Embed
        </button>
      </div>
      <p className="muted" data-testid="embedding-layer-note">
        {fallback?.index === null
          ? fallback.reason
          : layerChoice === null && fallback
            ? `Default layer: ${fallback.reason}.`
            : 'Pick any layer: its outputs, flattened, are the codes.'}
        {count > available && ` The validation set has ${available.toLocaleString('en-US')} images.`}
      </p>
      <p className="studio-caption" role="status" data-testid="embedding-status">
        {state.status === 'idle' && 'Nothing embedded yet: press Embed (it takes a few seconds).'}
        {state.status === 'reading' &&
          `Reading the codes of ${state.count.toLocaleString('en-US')} images${running ? ' between training steps' : ''}…`}
        {read &&
          `${read.count.toLocaleString('en-US')} codes of ${read.codes.dim.toLocaleString('en-US')} numbers from ${read.codes.layerId}, read after ${read.step} training steps. `}
        {read &&
          embedding?.status === 'running' &&
          `Embedding with UMAP: epoch ${embedding.epoch} of ${embedding.epochs}…`}
        {read && !embedding && 'Embedding with UMAP…'}
        {read && embedding?.status === 'done' && 'Embedded with UMAP.'}
      </p>
      {(rebuilt || trainedSince) && (
        <p className="embedding-stale" data-testid="embedding-stale">
          {rebuilt
            ? 'The model was rebuilt since: embed again.'
            : 'The model has trained since these codes were read. Training changes the codes: embed again.'}
        </p>
      )}
      {state.status === 'error' && (
        <p className="studio-error" role="alert">
          {state.message}
        </p>
      )}
      {embedding?.status === 'error' && (
        <p className="studio-error" role="alert">
          {embedding.message}
        </p>
      )}
      {read && embedding?.status === 'done' && (
        <div className="embedding-body">
          <CodeScatter
            points={embedding.points}
            labels={read.codes.labels}
            active={shown}
            onActive={setActive}
            classNames={classes}
            testId="embedding"
            description={`${read.count} validation images placed by their codes at ${read.codes.layerId}.`}
          />
          <figure
            className="embedding-active"
            data-testid="embedding-active"
            data-index={shown}
            data-label={read.codes.labels[shown]}
          >
            <ImageCanvas
              data={read.codes.images.subarray(shown * size, (shown + 1) * size)}
              shape={read.shape}
              range={[0, 1]}
              scale={IMAGE_SIZE / read.shape[2]}
              label={`Validation image ${shown}, ${name(read.codes.labels[shown]!)}`}
            />
            <figcaption>
              image {shown}: <strong>{name(read.codes.labels[shown]!)}</strong>
            </figcaption>
          </figure>
        </div>
      )}
    </div>
  );
}
