/**
 * The architecture builder: presets, then the layer list with live validation by summarize(),
 * totals, and a control to add a layer. While nothing has been trained a valid edit rebuilds the
 * model at once; after training, Reset applies it, and until then the last valid model keeps
 * training and being shown.
 */
import { type ReactElement, useState } from 'react';
import type { LayerSpec, LayerType, ModelSummary } from '../../engine/spec';
import { useStudio } from '../stores/studio';
import { formatCount } from '../ui/summaryResult';
import { editDraft } from './actions';
import { useDraftSummary } from './draftSummary';
import { LayerRow } from './LayerRow';
import { PresetPicker } from './PresetPicker';
import { ADDABLE_TYPES, defaultLayer, insertLayer, moveLayer, removeLayer, replaceLayer, sameSpec } from './specEdit';

/** "19,880 parameters", or "5,770 / 19,880 parameters trainable" when a layer is frozen. */
function paramsText(summary: ModelSummary): string {
  const total = formatCount(summary.totalParams);
  if (summary.trainableParams === summary.totalParams) return `${total} parameters`;
  return `${formatCount(summary.trainableParams)} / ${total} parameters trainable`;
}

export function ArchitecturePanel(): ReactElement {
  const draft = useStudio((s) => s.draft);
  const builtSpec = useStudio((s) => s.builtSpec);
  const modelError = useStudio((s) => s.modelError);
  const { summary, rows, error } = useDraftSummary(draft);
  const [addType, setAddType] = useState<LayerType>('conv2d');
  const ids = rows.map((r, i) => r?.id ?? draft.layers[i]?.id ?? `layer ${i}`);
  const pending = builtSpec !== null && !sameSpec(draft, builtSpec);
  const last = draft.layers.length;

  const onChange = (index: number, layer: LayerSpec): void => editDraft(replaceLayer(draft, index, layer));

  return (
    <div className="studio-panel" data-testid="architecture-panel">
      <PresetPicker />
      <p className="model-totals" data-testid="model-totals">
        {summary
          ? `${summary.layers.length} layers · ${paramsText(summary)} · ${formatCount(summary.totalMacs)} multiply-adds per image`
          : 'The model has a problem (see the marked layer); the last valid model is still the one that trains.'}
      </p>
      {error && error.layerIndex === null && (
        <p className="studio-error" role="alert">
          {error.message}
        </p>
      )}
      {modelError && (
        <p className="studio-error" role="alert">
          {modelError}
        </p>
      )}
      {pending && summary && (
        <p className="studio-note" data-testid="model-pending">
          Edited since the model was built: press Reset (<kbd>R</kbd>) to rebuild and train it.
        </p>
      )}
      <ol className="layer-list" aria-label="Layers">
        {draft.layers.map((layer, i) => (
          <LayerRow
            // Rows are positional: an index key keeps focus in the field being typed into.
            // biome-ignore lint/suspicious/noArrayIndexKey: layers have no stable identity
            key={i}
            index={i}
            layer={layer}
            summary={rows[i]}
            error={error && error.layerIndex === i ? error.detail : null}
            count={draft.layers.length}
            earlierIds={ids.slice(0, i)}
            onChange={onChange}
            onMove={(index, delta) => editDraft(moveLayer(draft, index, delta))}
            onRemove={(index) => editDraft(removeLayer(draft, index))}
          />
        ))}
      </ol>
      <div className="layer-add">
        <label>
          Add a
          <select value={addType} onChange={(event) => setAddType(event.target.value as LayerType)}>
            {ADDABLE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          layer
        </label>
        <button
          type="button"
          className="button"
          onClick={() =>
            editDraft(insertLayer(draft, Math.max(1, last - 1), defaultLayer(addType, ids.slice(0, last - 1))))
          }
        >
          Insert before the output layer
        </button>
      </div>
    </div>
  );
}
