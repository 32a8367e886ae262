/**
 * One row of the layer calculator: the layer's type and its editable fields, then the engine's
 * numbers for it (output shape, weights, biases, parameters, multiply-adds) and buttons to move or
 * remove it. A row whose layer the engine rejects shows the message right under it. Rows are
 * memoised and the edit callback is stable, so typing in the JSON box or the add-row picker does
 * not re-render ResNet-18's seventy rows.
 */
import { type ChangeEvent, memo, type ReactElement, useEffect, useState } from 'react';
import { formatCount, formatShape } from '../../app/ui/summaryResult';
import { LAYER_TYPES, type LayerSpec, type LayerSummary, type LayerType } from '../../engine/spec';
import { EDITABLE_FIELDS, fieldText, type LayerEdit, parseField, retype, withField } from './specEdit';

/** What an empty optional field means (placeholders; the engine applies the defaults). */
const DEFAULT_HINT: Readonly<Record<string, string>> = {
  stride: '—',
  padding: '0',
  dilation: '1',
  groups: '1',
  k: '2',
  alpha: '1e-4',
  beta: '0.75',
};

interface FieldInputProps {
  readonly label: string;
  readonly name: string;
  readonly value: unknown;
  readonly onValue: (value: unknown) => void;
}

/** Keeps the typed text (e.g. "3," on the way to "3,1") until the value changes from outside. */
function FieldInput({ label, name, value, onValue }: FieldInputProps): ReactElement {
  const text = fieldText(value);
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft((d) => (fieldText(parseField(d, name)) === text ? d : text)), [text, name]);
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    setDraft(event.target.value);
    onValue(parseField(event.target.value, name));
  };
  return (
    <label className="calc-field">
      <span>{name}</span>
      <input
        aria-label={label}
        value={draft}
        placeholder={DEFAULT_HINT[name] ?? ''}
        onChange={onChange}
        size={Math.min(28, Math.max(3, draft.length + 1))}
      />
    </label>
  );
}

export interface LayerRowProps {
  readonly index: number;
  readonly count: number;
  readonly layer: LayerSpec;
  readonly summary: LayerSummary | undefined;
  readonly error: string | undefined;
  readonly onEdit: (edit: LayerEdit) => void;
}

function Row({ index, count, layer, summary, error, onEdit }: LayerRowProps): ReactElement {
  const fields = EDITABLE_FIELDS[layer.type] ?? [];
  const record = layer as unknown as Record<string, unknown>;
  const name = layer.id ? `${layer.id}` : `layer ${index}`;
  const set = (field: string) => (value: unknown) =>
    onEdit({ kind: 'set', index, layer: withField(layer, field, value) });
  const dash = <span className="muted">—</span>;
  return (
    <>
      <tr data-testid="calc-row" data-index={index} className={error ? 'calc-row has-error' : 'calc-row'}>
        <th scope="row">{index}</th>
        <td>
          <select
            aria-label={`Type of ${name}`}
            value={layer.type}
            onChange={(e) => onEdit({ kind: 'set', index, layer: retype(layer, e.target.value as LayerType) })}
          >
            {LAYER_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          {layer.id && <span className="calc-id">{layer.id}</span>}
        </td>
        <td className="calc-settings">
          <div className="calc-fields">
            {fields.map((f) => (
              <FieldInput key={f} name={f} label={`${f} of ${name}`} value={record[f]} onValue={set(f)} />
            ))}
          </div>
        </td>
        <td data-col="out">{summary ? formatShape(summary.outputShape) : dash}</td>
        <td data-col="weights">{summary ? formatCount(summary.weights) : dash}</td>
        <td data-col="biases">{summary ? formatCount(summary.biases) : dash}</td>
        <td data-col="params">{summary ? formatCount(summary.params) : dash}</td>
        <td data-col="macs">{summary ? formatCount(summary.macs) : dash}</td>
        <td className="calc-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => onEdit({ kind: 'move', index, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${name} down`}
            disabled={index === count - 1}
            onClick={() => onEdit({ kind: 'move', index, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${name}`}
            disabled={count === 1}
            onClick={() => onEdit({ kind: 'remove', index })}
          >
            ✕
          </button>
        </td>
      </tr>
      {error && (
        <tr className="calc-error-row">
          <td colSpan={9} role="alert" data-testid="calc-error" data-index={index}>
            {error}
          </td>
        </tr>
      )}
    </>
  );
}

export const LayerRow = memo(Row);
