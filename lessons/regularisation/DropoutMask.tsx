/**
 * One hidden layer of 64 units going through dropout at rate p. Each "New mask" (button, or R
 * with the grid focused) draws a fresh mask from the engine's dropoutForward: a dropped unit
 * outputs 0, a kept one is scaled by 1/(1 − p). A switch shows the same layer at test time, where
 * dropout does nothing. The counts beneath are read off the mask the engine drew.
 */
import { type ReactElement, useId, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { createRng } from '../../engine/tensor/rng';
import { dropLayer, LAYER_COLS, LAYER_UNITS, layerActivations } from './dropoutLayer';
import { fmt } from './format';
import { redrawKeyProps } from './redrawKeys';

type Phase = 'train' | 'test';

export function DropoutMask(): ReactElement {
  const uid = useId();
  const [rate, setRate] = useState(0.5);
  const [draw, setDraw] = useState(1);
  const [phase, setPhase] = useState<Phase>('train');
  const x = useMemo(() => layerActivations(), []);
  const { output, mask } = useMemo(() => dropLayer(x, rate, createRng(draw * 7919 + 1)), [x, rate, draw]);
  const shown = phase === 'train' ? output : x;
  const dropped = mask.filter((m) => m === 0).length;
  const scale = rate < 1 ? 1 / (1 - rate) : 0;
  const resample = (): void => setDraw((d) => d + 1);
  const sum = (values: Float32Array): number => values.reduce((a, b) => a + b, 0);

  return (
    <div
      className="reg-widget"
      data-testid="dropout-mask"
      data-rate={rate}
      data-draw={draw}
      data-phase={phase}
      data-dropped={phase === 'train' ? dropped : 0}
      data-units={LAYER_UNITS}
    >
      <div className="reg-controls">
        <div className="number-field reg-slider">
          <label htmlFor={`${uid}-p`}>Drop rate p = {fmt(rate, 2)}</label>
          <input
            id={`${uid}-p`}
            type="range"
            min={0}
            max={0.9}
            step={0.05}
            value={rate}
            onChange={(e) => setRate(Number(e.target.value))}
          />
        </div>
        <ChoiceGroup
          legend="Pass"
          options={[
            { value: 'train', label: 'Training' },
            { value: 'test', label: 'Test' },
          ]}
          value={phase}
          onChange={setPhase}
        />
        <button type="button" className="button button--primary" onClick={resample} disabled={phase === 'test'}>
          New mask (R)
        </button>
      </div>
      <div
        className="reg-units"
        {...redrawKeyProps(resample, 'Units of the layer; press R for a new mask')}
        style={{ gridTemplateColumns: `repeat(${LAYER_COLS}, minmax(0, 1fr))` }}
      >
        {Array.from(x, (value, i) => {
          const off = phase === 'train' && mask[i] === 0;
          return (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: units are fixed positions in the layer.
              key={i}
              className={off ? 'reg-unit reg-unit--dropped' : 'reg-unit'}
              data-unit={i}
              data-x={value}
              data-y={shown[i]}
              title={`unit ${i + 1}: activation ${fmt(value, 2)} → ${fmt(shown[i]!, 3)}`}
            >
              {off ? '0' : fmt(shown[i]!, 2)}
            </span>
          );
        })}
      </div>
      <p aria-live="polite" data-testid="dropout-readout">
        {phase === 'train' ? (
          <>
            Dropped <strong>{dropped}</strong> of {LAYER_UNITS} units ({fmt((100 * dropped) / LAYER_UNITS, 1)}%, p ={' '}
            {fmt(rate, 2)}). Each kept unit is multiplied by 1/(1 − {fmt(rate, 2)}) = {fmt(scale, 3)}. The layer's total
            is {fmt(sum(output), 2)} this time, against {fmt(sum(x), 2)} without dropout.
          </>
        ) : (
          <>At test time every unit is kept and nothing is scaled: the layer's total is {fmt(sum(x), 2)}.</>
        )}
      </p>
    </div>
  );
}
