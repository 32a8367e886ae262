/**
 * One layer of the architecture builder: its type, its settings, what summarize() computed for it
 * (output shape, parameters, multiply-adds per image) and, when the spec is invalid here, the
 * SpecError's explanation right under the row. Buttons move the row up or down or remove it.
 */
import type { ReactElement } from 'react';
import type { LayerSpec, LayerSummary, LayerType } from '../../engine/spec';
import { formatCount, formatShape } from '../ui/summaryResult';
import { LayerFields } from './LayerFields';
import { ADDABLE_TYPES, defaultLayer } from './specEdit';

export interface LayerRowProps {
  readonly index: number;
  readonly layer: LayerSpec;
  readonly summary: LayerSummary | undefined;
  readonly error: string | null;
  readonly count: number;
  readonly earlierIds: readonly string[];
  readonly onChange: (index: number, layer: LayerSpec) => void;
  readonly onMove: (index: number, delta: number) => void;
  readonly onRemove: (index: number) => void;
}

export function LayerRow(props: LayerRowProps): ReactElement {
  const { index, layer, summary, error, count, earlierIds, onChange, onMove, onRemove } = props;
  const name = summary?.id ?? layer.id ?? layer.type;
  const layerLabel = `layer ${index} (${name})`;
  const isInput = layer.type === 'input';
  const types: readonly LayerType[] = ADDABLE_TYPES.includes(layer.type)
    ? ADDABLE_TYPES
    : [layer.type, ...ADDABLE_TYPES];

  return (
    <li
      className={error ? 'layer-row has-error' : 'layer-row'}
      data-testid={`layer-row-${index}`}
      data-type={layer.type}
    >
      <div className="layer-main">
        <span className="layer-index" aria-hidden="true">
          {index}
        </span>
        {isInput ? (
          <strong className="layer-type">input</strong>
        ) : (
          <select
            className="layer-type"
            value={layer.type}
            aria-label={`Type of ${layerLabel}`}
            onChange={(event) => onChange(index, defaultLayer(event.target.value as LayerType, earlierIds))}
          >
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
        <div className="layer-fields">
          <LayerFields
            layer={layer}
            layerLabel={layerLabel}
            earlierIds={earlierIds}
            onChange={(next) => onChange(index, next)}
          />
        </div>
        <dl className="layer-numbers" data-testid={`layer-numbers-${index}`}>
          <div>
            <dt>out</dt>
            <dd data-testid="layer-shape">{summary ? formatShape(summary.outputShape) : '—'}</dd>
          </div>
          <div>
            <dt>params</dt>
            <dd>{summary ? formatCount(summary.params) : '—'}</dd>
          </div>
          <div>
            <dt>MACs</dt>
            <dd>{summary ? formatCount(summary.macs) : '—'}</dd>
          </div>
        </dl>
        {!isInput && (
          <div className="layer-buttons">
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${layerLabel} up`}
              disabled={index <= 1}
              onClick={() => onMove(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${layerLabel} down`}
              disabled={index >= count - 1}
              onClick={() => onMove(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${layerLabel}`}
              onClick={() => onRemove(index)}
            >
              ✕
            </button>
          </div>
        )}
      </div>
      {error && (
        <p className="layer-error" role="alert" data-testid="layer-error">
          {error}
        </p>
      )}
    </li>
  );
}
