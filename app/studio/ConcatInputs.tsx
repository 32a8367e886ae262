/**
 * A concat layer's "inputs": one checkbox per layer above it. Ticking appends the layer (so the
 * channel order is the order of ticking, as the spec lists it); unticking removes it. Whether the
 * choice makes sense (two or more, same height and width) is summarize()'s message on the row.
 */
import type { ReactElement } from 'react';

export interface ConcatInputsProps {
  readonly selected: readonly string[];
  /** Ids of the layers above the concat. */
  readonly earlierIds: readonly string[];
  readonly layerLabel: string;
  readonly onChange: (inputs: readonly string[]) => void;
}

export function ConcatInputs({ selected, earlierIds, layerLabel, onChange }: ConcatInputsProps): ReactElement {
  // A preset may name ids that are not above this layer; they stay listed so they can be unticked.
  const options = [...earlierIds, ...selected.filter((id) => !earlierIds.includes(id))];
  return (
    <fieldset className="layer-field concat-inputs" data-field="inputs">
      <legend>Join outputs of</legend>
      {options.map((id) => (
        <label key={id}>
          <input
            type="checkbox"
            checked={selected.includes(id)}
            aria-label={`Join ${id} in ${layerLabel}`}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, id] : selected.filter((other) => other !== id))
            }
          />
          {id}
        </label>
      ))}
    </fieldset>
  );
}
