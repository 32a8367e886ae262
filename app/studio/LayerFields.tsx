/**
 * The editable settings of one layer, chosen by its type from the spec schema (engine/spec
 * schema.ts), minus the rarely touched ones (dilation, groups, bias), which a preset may still
 * set and which are kept as they are. Activations are a select; `add` picks its shortcut from
 * the layers above, `concat` ticks the layers it joins.
 */
import type { ReactElement } from 'react';
import { ACTIVATION_KINDS, LAYER_FIELDS, type LayerSpec } from '../../engine/spec';
import type { FieldKind, FieldRule } from '../../engine/spec/schema';
import { ConcatInputs } from './ConcatInputs';
import { FieldInput } from './FieldInput';

const LABELS: Readonly<Record<string, string>> = {
  filters: 'Filters',
  kernel: 'Kernel',
  stride: 'Stride',
  padding: 'Padding',
  activation: 'Activation',
  size: 'Pool size',
  units: 'Units',
  kind: 'Function',
  alpha: 'Alpha',
  rate: 'Drop rate',
  with: 'Add output of',
  momentum: 'Momentum',
  epsilon: 'Epsilon',
  dilation: 'Dilation',
  groups: 'Groups',
  bias: 'Bias',
  trainable: 'Trainable',
  k: 'k',
  beta: 'Beta',
};

// lrn's `size` is the channel window n, not a pooling window.
const LRN_LABELS: Readonly<Record<string, string>> = { size: 'Window n' };

// The input's shape comes from the dataset; epsilon is numerics, not a modelling choice.
const HIDDEN = new Set(['shape', 'epsilon']);

// Layers with parameters also get the common "trainable" switch (unticked = frozen).
const WITH_PARAMS = new Set<string>(['conv2d', 'dense', 'batchnorm']);
const TRAINABLE: readonly [string, FieldRule] = ['trainable', { kind: 'boolean', required: false }];

export interface LayerFieldsProps {
  readonly layer: LayerSpec;
  readonly layerLabel: string;
  /** Ids of the layers above this one, for `add` and `concat`. */
  readonly earlierIds: readonly string[];
  readonly onChange: (layer: LayerSpec) => void;
}

export function LayerFields({ layer, layerLabel, earlierIds, onChange }: LayerFieldsProps): ReactElement {
  const record = layer as unknown as Readonly<Record<string, unknown>>;
  const own = Object.entries(LAYER_FIELDS[layer.type]).filter(([name]) => !HIDDEN.has(name));
  const fields = WITH_PARAMS.has(layer.type) ? [...own, TRAINABLE] : own;
  const set = (name: string, value: unknown): void => {
    const next: Record<string, unknown> = { ...record, [name]: value };
    if (value === undefined || value === '') delete next[name];
    onChange(next as unknown as LayerSpec);
  };

  if (layer.type === 'input') {
    return <span className="layer-fixed">{layer.shape.join('×')} from the dataset</span>;
  }
  if (fields.length === 0) return <span className="muted layer-fixed">no settings</span>;
  return (
    <>
      {fields.map(([name, rule]) => {
        const label = (layer.type === 'lrn' ? LRN_LABELS[name] : undefined) ?? LABELS[name] ?? name;
        if (rule.kind === 'strings') {
          const selected = Array.isArray(record[name]) ? (record[name] as readonly string[]) : [];
          return (
            <ConcatInputs
              key={name}
              selected={selected}
              earlierIds={earlierIds}
              layerLabel={layerLabel}
              onChange={(inputs) => set(name, inputs)}
            />
          );
        }
        if (rule.kind === 'boolean') {
          // Every optional boolean in the schema (bias, trainable) defaults to true: absent means on.
          return (
            <div key={name} className="layer-field layer-field--check" data-field={name}>
              <label>
                <input
                  type="checkbox"
                  checked={record[name] !== false}
                  aria-label={`${label} of ${layerLabel}`}
                  onChange={(event) => set(name, event.target.checked ? undefined : false)}
                />
                {label}
              </label>
            </div>
          );
        }
        if (rule.kind === 'activation' || name === 'with') {
          const options = rule.kind === 'activation' ? ACTIVATION_KINDS : earlierIds;
          return (
            <div key={name} className="layer-field" data-field={name}>
              <label>
                {label}
                <select
                  value={String(record[name] ?? '')}
                  aria-label={`${label} of ${layerLabel}`}
                  onChange={(event) => set(name, event.target.value || undefined)}
                >
                  {!rule.required && <option value="">none</option>}
                  {options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          );
        }
        return (
          <FieldInput
            key={name}
            name={name}
            label={label}
            kind={rule.kind as FieldKind}
            required={rule.required}
            value={record[name]}
            layerLabel={layerLabel}
            placeholder={rule.required ? '' : 'default'}
            onChange={(value) => set(name, value)}
          />
        );
      })}
    </>
  );
}
