/**
 * Click-a-unit for a whole model (the studio's activation maps): given the picked unit and a way to
 * read the current activations and the layer's weights, it reads them fresh (both at the click, so
 * they come from the same weights unless training is running), then shows the unit's arithmetic,
 * its window on the layer's input maps and, when the path allows, its receptive field on the image.
 * If training moved the weights between the two reads the working will not add up, and it says so.
 */
import { type ReactElement, useEffect, useState } from 'react';
import type { ModelSummary } from '../../engine/spec';
import { UnitArithmetic } from './UnitArithmetic';
import { imageSpan, type NamedTensor, type UnitPick, unitOf, windowSpan } from './UnitArithmeticLayer';
import { SpanMaps } from './UnitArithmeticMaps';
import { convWorking, poolWorking, type Unit } from './UnitArithmeticMath';

export interface UnitReads {
  readonly activations: readonly NamedTensor[];
  readonly weights: readonly NamedTensor[];
}

export interface UnitArithmeticDetailProps {
  readonly summary: ModelSummary;
  readonly pick: UnitPick;
  /** Reads every layer's activations for the shown image and the weights of layer `layer`. */
  readonly read: (layer: number) => Promise<UnitReads>;
  readonly onClose: () => void;
}

type Loaded = { readonly reads: UnitReads; readonly unit: Unit | string } | { readonly error: string } | null;

/** Whether the written-out working reaches the engine's value (up to float32 rounding). */
function addsUp(unit: Unit): boolean {
  const worked = unit.kind === 'conv' ? convWorking(unit).activated : poolWorking(unit).result;
  return Math.abs(worked - unit.output) <= 1e-3 * (1 + Math.abs(unit.output));
}

export function UnitArithmeticDetail({ summary, pick, read, onClose }: UnitArithmeticDetailProps): ReactElement {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    read(pick.layer).then(
      (reads) => live && setLoaded({ reads, unit: unitOf(summary, pick, reads.activations, reads.weights) }),
      () => live && setLoaded({ error: 'The model could not be read just now (it may be rebuilding): click again.' }),
    );
    return () => {
      live = false;
    };
  }, [summary, pick, read]);

  const layer = summary.layers[pick.layer]!;
  const inputIndex = layer.inputs[0] ?? 0;
  const window = windowSpan(summary, pick);
  const field = inputIndex === 0 ? null : imageSpan(summary, pick);
  const unit = loaded && 'unit' in loaded ? loaded.unit : null;
  const reads = loaded && 'reads' in loaded ? loaded.reads : null;
  const inputTensor = reads?.activations[inputIndex];
  const image = reads?.activations[0];
  const groupChannels =
    unit && typeof unit !== 'string' && unit.kind === 'conv' ? unit.channels.map((c) => c.channel).slice(0, 8) : [];

  return (
    <section className="ua-studio" data-testid="studio-unit" aria-label="The picked unit's arithmetic">
      <div className="activation-source">
        <strong>
          {layer.id}, channel {pick.channel}, row {pick.row}, column {pick.col}
        </strong>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {loaded === null && <p className="muted">Reading the unit…</p>}
      {loaded && 'error' in loaded && <p className="field-message--error">{loaded.error}</p>}
      {typeof unit === 'string' && <p className="muted">{unit}</p>}
      {unit && typeof unit !== 'string' && (
        <>
          {inputTensor && window && (
            <SpanMaps
              tensor={inputTensor}
              span={window}
              title={`Window on ${summary.layers[inputIndex]!.id}`}
              channels={unit.kind === 'conv' ? groupChannels : [pick.channel]}
              image={inputIndex === 0}
              testId="unit-window-maps"
            />
          )}
          {image && field && (
            <SpanMaps
              tensor={image}
              span={field}
              title="Receptive field on the image"
              image
              testId="unit-image-field"
            />
          )}
          <UnitArithmetic
            unit={unit}
            title={unit.kind === 'conv' ? `Filter ${pick.channel} at this position` : `${unit.kind} pooling window`}
            row={pick.row}
            col={pick.col}
            testId="studio-unit-arithmetic"
            note={
              addsUp(unit)
                ? undefined
                : 'Training moved the weights between reading the activations and the weights, so the working is off: pause and click again for exact numbers.'
            }
          />
        </>
      )}
    </section>
  );
}
