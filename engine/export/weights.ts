/**
 * Reading one layer's arrays out of an export's weights, checked against the size the spec needs,
 * so a wrong or missing array is an ExportError that names it rather than a silent bad file.
 */
import type { NamedArrays } from '../cpu/weights';
import { ExportError } from './errors';

/** `${layerId}.${role}`, exactly `size` values long. */
export function layerArray(weights: NamedArrays, layerId: string, role: string, size: number): Float32Array {
  const name = `${layerId}.${role}`;
  const values = Object.hasOwn(weights, name) ? weights[name] : undefined;
  if (!values) throw new ExportError(`The weights have no "${name}", which layer "${layerId}" needs.`);
  if (values.length !== size) {
    throw new ExportError(`"${name}" has ${values.length} values, but layer "${layerId}" needs ${size}.`);
  }
  return values;
}
