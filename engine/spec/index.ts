/** The model spec module's public surface: import from 'engine/spec' rather than its files. */

export {
  type AxisParams,
  type AxisResult,
  axisOutput,
  effectiveKernel,
  explainFits,
  type FitSuggestion,
  fittingPaddings,
  fittingStrides,
  formatNumber,
  type OutputSizeError,
  type OutputSizeOk,
  type OutputSizeResult,
  outputSize,
  resolvePadding,
  type SamePadding,
  samePadding,
  suggestFits,
} from './arithmetic';
export { isSpecError, SpecError } from './errors';
export { jsonTextDepth, SPEC_LIMITS, SUGGEST_MAX_LENGTH, valueWithinDepth } from './limits';
export { checkSpecObject, parseSpecJson } from './parse';
export { getPreset, PRESET_KEYS, PRESETS, type Preset, type PresetDataset } from './presets';
export { ACTIVATION_KINDS, LAYER_FIELDS, LAYER_TYPES } from './schema';
export { summarize, validateSpec } from './summarize';
export type * from './types';
