/**
 * The trainable presets from engine/spec/presets.ts. Only those whose input matches the loaded
 * dataset can be chosen; the others say which dataset they need. Choosing one rebuilds the model.
 */
import type { ReactElement } from 'react';
import { PRESETS } from '../../engine/spec';
import { useStudio } from '../stores/studio';
import { applyPreset } from './actions';

export const STUDIO_PRESETS: readonly string[] = [
  'lecture-mnist',
  'lenet5-mnist',
  'linear-mnist',
  'convnetjs-cifar10',
  'small-vgg-cifar10',
  'mini-resnet-cifar10',
  'mini-alexnet-cifar10',
  'mini-googlenet-cifar10',
  'mini-densenet-cifar10',
];

export function PresetPicker(): ReactElement {
  const shape = useStudio((s) => s.dataset.info?.shape);
  const current = useStudio((s) => s.presetKey);
  const loaded = shape ? (shape[0] === 3 ? 'cifar10' : 'mnist') : null;
  return (
    <fieldset className="preset-picker">
      <legend>Start from a preset</legend>
      <div className="preset-list">
        {STUDIO_PRESETS.map((key) => {
          const preset = PRESETS[key]!;
          const fits = loaded === preset.dataset;
          const why = fits ? preset.description : `Needs ${preset.dataset === 'mnist' ? 'MNIST' : 'CIFAR-10'} loaded.`;
          return (
            <button
              key={key}
              type="button"
              className="button preset-button"
              aria-pressed={current === key}
              disabled={!fits}
              title={why}
              data-preset={key}
              onClick={() => applyPreset(key)}
            >
              {preset.title}
              <span className="preset-dataset">{preset.dataset === 'mnist' ? 'MNIST' : 'CIFAR-10'}</span>
            </button>
          );
        })}
      </div>
      {loaded === null && <p className="muted">Load a dataset to enable the presets that fit it.</p>}
    </fieldset>
  );
}
