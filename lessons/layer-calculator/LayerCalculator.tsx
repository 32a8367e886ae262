/**
 * The layer calculator: a stack of layers as editable rows (type, filters or units, kernel,
 * stride, padding, dilation, groups, pool size), or a reference architecture loaded from the
 * engine's presets, with every layer's output shape, weights, biases, parameters and multiply-adds
 * from summarize() and the totals underneath. The same spec is editable as JSON. Whatever the
 * edit, a problem is the engine's SpecError shown beside the row it names; the page keeps working.
 */
import { type ReactElement, useCallback, useEffect, useId, useMemo, useReducer, useState } from 'react';
import { formatCount } from '../../app/ui/summaryResult';
import { UrlNotice } from '../../app/ui/UrlNotice';
import { useUrlState } from '../../app/ui/urlState';
import { LAYER_TYPES, type LayerType, type ModelSpec, PRESETS } from '../../engine/spec';
import { analyse } from './analyse';
import { CalcBody } from './CalcBody';
import { calculatorReducer, initialState } from './calculatorState';
import { COLLAPSE_OVER, groupRows } from './groups';
import { DEFAULT_LAYER, type LayerEdit } from './specEdit';
import { presetOf, specCodec } from './specLink';

export interface LayerCalculatorProps {
  /** Preset key to start from (see engine/spec/presets.ts). */
  readonly initialPreset?: string;
}

const PRESET_KEYS = [
  'lecture-mnist',
  'lenet5',
  'alexnet',
  'alexnet-lrn',
  'zfnet',
  'vgg-a',
  'vgg-b',
  'vgg-c',
  'vgg-d',
  'vgg-e',
  'googlenet',
  'resnet18',
  'resnet34',
  'resnet50',
  'resnet50-paper',
  'densenet121',
];

function presetSpec(key: string): ModelSpec {
  return PRESETS[key]?.spec ?? { layers: [{ type: 'input', shape: [1, 28, 28] }] };
}

const SPEC_CODEC = specCodec(PRESET_KEYS);

export function LayerCalculator({ initialPreset = 'lecture-mnist' }: LayerCalculatorProps): ReactElement {
  const uid = useId();
  // The spec lives in the lesson's address too (specLink.ts): a link opens the calculator on it.
  const [linked, setLinked, linkNotice] = useUrlState('lc.spec', SPEC_CODEC, presetSpec(initialPreset));
  const [state, dispatch] = useReducer(calculatorReducer, linked, initialState);
  const [preset, setPreset] = useState(() => presetOf(linked, PRESET_KEYS) ?? initialPreset);
  useEffect(() => {
    if (state.spec !== linked) setLinked(state.spec);
  }, [state.spec, linked, setLinked]);
  const [newType, setNewType] = useState<LayerType>('conv2d');
  const analysis = useMemo(() => analyse(state.spec), [state.spec]);
  const onEdit = useCallback((edit: LayerEdit) => dispatch({ kind: 'edit', edit }), []);
  const errorAt = analysis.error?.layerIndex ?? null;
  const { layers } = state.spec;
  const folded = layers.length > COLLAPSE_OVER;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const onToggle = useCallback(
    (key: string) =>
      setOpen((was) => {
        const next = new Set(was);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const load = (): void => {
    setOpen(new Set());
    dispatch({ kind: 'load', spec: presetSpec(preset) });
  };
  const openAll = (): void => setOpen(new Set(groupRows(layers).map((g) => g.key)));

  return (
    <div className="calculator" data-testid="layer-calculator">
      <UrlNotice notices={[linkNotice]} />
      <div className="calc-toolbar">
        <label htmlFor={`${uid}-preset`}>Reference architecture</label>
        <select id={`${uid}-preset`} value={preset} onChange={(e) => setPreset(e.target.value)}>
          {PRESET_KEYS.map((k) => (
            <option key={k} value={k}>
              {PRESETS[k]?.title ?? k}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={load}>
          Load
        </button>
        <span className="muted">{PRESETS[preset]?.description}</span>
      </div>
      <div className="calc-scroll">
        <table className="calc-table">
          <caption>
            {state.spec.name ?? 'Your model'}: {layers.length} layers
            {folded && (
              <span className="calc-fold-note">
                {' '}
                (grouped into blocks: open one to see its layers, or{' '}
                <button type="button" className="calc-link-button" onClick={openAll}>
                  open all
                </button>
                {open.size > 0 && (
                  <>
                    {' / '}
                    <button type="button" className="calc-link-button" onClick={() => setOpen(new Set())}>
                      close all
                    </button>
                  </>
                )}
                )
              </span>
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Type</th>
              <th scope="col">Settings</th>
              <th scope="col">Output</th>
              <th scope="col">Weights</th>
              <th scope="col">Biases</th>
              <th scope="col">Params</th>
              <th scope="col">Mult-adds</th>
              <th scope="col">
                <span className="visually-hidden">Row actions</span>
              </th>
            </tr>
          </thead>
          <CalcBody
            layers={layers}
            analysis={analysis}
            folded={folded}
            open={open}
            onToggle={onToggle}
            onEdit={onEdit}
          />
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                Total
              </th>
              <td data-testid="calc-total-params">
                {analysis.totalParams === null ? '—' : formatCount(analysis.totalParams)}
              </td>
              <td data-testid="calc-total-macs">
                {analysis.totalMacs === null ? '—' : formatCount(analysis.totalMacs)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {analysis.error && errorAt === null && (
        <p className="field-message--error" role="alert" data-testid="calc-error">
          {analysis.error.message}
        </p>
      )}
      <div className="calc-toolbar">
        <label htmlFor={`${uid}-add`}>New layer</label>
        <select id={`${uid}-add`} value={newType} onChange={(e) => setNewType(e.target.value as LayerType)}>
          {LAYER_TYPES.filter((t) => t !== 'input').map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => onEdit({ kind: 'add', layer: DEFAULT_LAYER[newType] })}>
          Add layer
        </button>
      </div>
      <div className="calc-json">
        <label htmlFor={`${uid}-json`}>The same model as JSON (edit it here too)</label>
        <textarea
          id={`${uid}-json`}
          spellCheck={false}
          value={state.text}
          rows={Math.min(16, layers.length + 5)}
          aria-invalid={state.jsonError !== null}
          aria-describedby={`${uid}-json-msg`}
          onChange={(e) => dispatch({ kind: 'json', text: e.target.value })}
        />
        <p
          id={`${uid}-json-msg`}
          className={state.jsonError ? 'field-message field-message--error' : 'field-message'}
          aria-live="polite"
          data-testid="json-status"
        >
          {state.jsonError ?? 'The table follows the JSON whenever it parses.'}
        </p>
      </div>
    </div>
  );
}
