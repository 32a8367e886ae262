/**
 * The calculator's state: the spec, the JSON text shown beside it and the JSON's parse error.
 * The table and the JSON box edit the same spec: a table edit or a preset load rewrites the text;
 * a JSON edit replaces the spec only when parseSpecJson accepts it, and otherwise keeps the
 * student's text and shows why it was rejected, so no keystroke is ever lost.
 */
import { isSpecError, type ModelSpec, parseSpecJson } from '../../engine/spec';
import { applyEdit, formatSpec, type LayerEdit } from './specEdit';

export interface CalculatorState {
  readonly spec: ModelSpec;
  readonly text: string;
  readonly jsonError: string | null;
}

export type CalculatorAction =
  | { readonly kind: 'edit'; readonly edit: LayerEdit }
  | { readonly kind: 'load'; readonly spec: ModelSpec }
  | { readonly kind: 'json'; readonly text: string };

export function initialState(spec: ModelSpec): CalculatorState {
  return { spec, text: formatSpec(spec), jsonError: null };
}

export function calculatorReducer(state: CalculatorState, action: CalculatorAction): CalculatorState {
  switch (action.kind) {
    case 'edit': {
      const spec = applyEdit(state.spec, action.edit);
      return { spec, text: formatSpec(spec), jsonError: null };
    }
    case 'load':
      return initialState(action.spec);
    case 'json':
      try {
        return { spec: parseSpecJson(action.text), text: action.text, jsonError: null };
      } catch (error) {
        const message = isSpecError(error) ? error.message : String(error);
        return { ...state, text: action.text, jsonError: message };
      }
  }
}
