/**
 * Hyperparameters, sent to the worker as 'configure' (TrainerConfig fields). The learning rate
 * applies to a running trainer at once, so a student can watch the curves react; the others take
 * effect when the next run starts (after Reset, or when a finished run is continued), and the
 * panel says so rather than pretending otherwise.
 */
import type { ReactElement } from 'react';
import type { OptimizerKind } from '../../engine/train/optimizers';
import type { ScheduleKind } from '../../engine/train/schedules';
import { type StudioInit, useStudio } from '../stores/studio';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { NumberField } from '../ui/NumberField';
import { updateHyper } from './actions';
import { LayerSwitches } from './LayerSwitches';

const OPTIMIZERS: readonly { value: OptimizerKind; label: string }[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'Momentum' },
  { value: 'adam', label: 'Adam' },
];

const SCHEDULES: readonly { value: ScheduleKind; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'step', label: 'Halve each epoch' },
  { value: 'exponential', label: 'Exponential (×0.7/epoch)' },
  { value: 'cosine', label: 'Cosine' },
];

const INITS: readonly { value: StudioInit; label: string }[] = [
  { value: 'he', label: 'He normal (for ReLU)' },
  { value: 'xavier', label: 'Xavier uniform' },
  { value: 'normal', label: 'Small normal (σ = 0.01)' },
];

export function HyperPanel(): ReactElement {
  const h = useStudio((s) => s.hyper);
  const pending = useStudio((s) => s.hyperPending);
  const colour = useStudio((s) => s.dataset.info?.shape[0] === 3);
  return (
    <div className="studio-panel hyper-panel" data-testid="hyper-panel">
      <ChoiceGroup
        legend="Optimiser"
        options={OPTIMIZERS}
        value={h.optimizer}
        onChange={(optimizer) => updateHyper({ optimizer })}
      />
      <NumberField
        label="Learning rate"
        value={h.learningRate}
        min={1e-6}
        max={10}
        hint="Applies immediately, even while training."
        onChange={(learningRate) => updateHyper({ learningRate })}
      />
      <label className="select-field">
        Schedule
        <select value={h.schedule} onChange={(event) => updateHyper({ schedule: event.target.value as ScheduleKind })}>
          {SCHEDULES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <div className="hyper-row">
        <NumberField
          label="Batch size"
          value={h.batchSize}
          min={1}
          max={1024}
          integer
          onChange={(batchSize) => updateHyper({ batchSize })}
        />
        <NumberField
          label="Epochs"
          value={h.epochs}
          min={1}
          max={100}
          integer
          onChange={(epochs) => updateHyper({ epochs })}
        />
      </div>
      <div className="hyper-row">
        <NumberField label="L2 penalty" value={h.l2} min={0} max={1} onChange={(l2) => updateHyper({ l2 })} />
        <NumberField
          label="Seed"
          value={h.seed}
          min={0}
          max={2 ** 31}
          integer
          onChange={(seed) => updateHyper({ seed })}
        />
      </div>
      <label className="select-field">
        Initialisation
        <select value={h.init} onChange={(event) => updateHyper({ init: event.target.value as StudioInit })}>
          {INITS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <LayerSwitches />
      <fieldset className="augment">
        <legend>Augmentation</legend>
        <label>
          <input type="checkbox" checked={h.flip} onChange={(e) => updateHyper({ flip: e.target.checked })} /> Mirror
          {colour ? '' : <span className="muted"> (a mirrored digit is not a digit)</span>}
        </label>
        <label>
          <input type="checkbox" checked={h.crop} onChange={(e) => updateHyper({ crop: e.target.checked })} /> Shift
          (pad and crop)
        </label>
        <label>
          <input type="checkbox" checked={h.jitter} onChange={(e) => updateHyper({ jitter: e.target.checked })} />{' '}
          Brightness and contrast jitter
        </label>
      </fieldset>
      {pending && (
        <p className="studio-note" data-testid="hyper-pending">
          These settings apply from the next run: press Reset (<kbd>R</kbd>) to start over with them.
        </p>
      )}
    </div>
  );
}
