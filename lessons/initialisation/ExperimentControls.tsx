/**
 * The experiment's knobs: weight scheme, activation, depth, width and seed. `compact` leaves out
 * width and seed (the gradients widget keeps the lecture's 500 units and one seed).
 */
import type { ReactElement } from 'react';
import { ChoiceGroup, type ChoiceOption } from '../../app/ui/ChoiceGroup';
import { NumberField } from '../../app/ui/NumberField';
import type { InitId, NetActivation } from './experiment';

export interface NetSettings {
  readonly init: InitId;
  readonly activation: NetActivation;
  readonly depth: number;
  readonly width: number;
  readonly seed: number;
}

/** The lecture's first run: 10 tanh layers of 500 units, weights N(0, 0.01²). */
export const LECTURE_SETTINGS: NetSettings = { init: 'small', activation: 'tanh', depth: 10, width: 500, seed: 1 };

const INITS: readonly ChoiceOption<InitId>[] = [
  { value: 'small', label: 'σ = 0.01' },
  { value: 'large', label: 'σ = 1' },
  { value: 'xavier', label: 'Xavier' },
  { value: 'he', label: 'He' },
];
const ACTIVATIONS: readonly ChoiceOption<NetActivation>[] = [
  { value: 'tanh', label: 'tanh' },
  { value: 'relu', label: 'ReLU' },
  { value: 'leakyRelu', label: 'Leaky ReLU' },
];
const DEPTHS: readonly ChoiceOption<number>[] = [
  { value: 10, label: '10 layers' },
  { value: 20, label: '20 layers' },
];
const WIDTHS: readonly ChoiceOption<number>[] = [
  { value: 100, label: '100' },
  { value: 250, label: '250' },
  { value: 500, label: '500' },
];

export function ExperimentControls({
  value,
  onChange,
  compact = false,
}: {
  value: NetSettings;
  onChange: (next: NetSettings) => void;
  compact?: boolean;
}): ReactElement {
  const set = <K extends keyof NetSettings>(key: K, v: NetSettings[K]): void => onChange({ ...value, [key]: v });
  return (
    <div className="init-knobs">
      <ChoiceGroup legend="Weights" options={INITS} value={value.init} onChange={(v) => set('init', v)} />
      <ChoiceGroup
        legend="Activation"
        options={ACTIVATIONS}
        value={value.activation}
        onChange={(v) => set('activation', v)}
      />
      <ChoiceGroup legend="Depth" options={DEPTHS} value={value.depth} onChange={(v) => set('depth', v)} />
      {!compact && (
        <>
          <ChoiceGroup
            legend="Units per layer"
            options={WIDTHS}
            value={value.width}
            onChange={(v) => set('width', v)}
          />
          <NumberField label="Seed" value={value.seed} onChange={(v) => set('seed', v)} min={1} max={9999} integer />
        </>
      )}
    </div>
  );
}
