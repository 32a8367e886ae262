/**
 * The safetensors layout (https://huggingface.co/docs/safetensors) for float32 weights: an 8-byte
 * little-endian header length, a JSON header {name: {dtype, shape, data_offsets}}, then the raw
 * little-endian values. model.py reads and writes it with numpy alone; writing it here and reading
 * it back (what a train.py run saved) keeps ConvLab's names 1:1 both ways.
 */

export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

export function writeSafetensors(tensors: readonly NamedTensor[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.values.length) {
      throw new RangeError(
        `writeSafetensors: ${t.name} has ${t.values.length} values for shape [${t.shape.join(', ')}]`,
      );
    }
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * count] };
    offset += 4 * count;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (new TextEncoder().encode(json).length % 8)) % 8); // values start 8-byte aligned
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of tensors) {
    for (let i = 0; i < t.values.length; i++, at += 4) view.setFloat32(at, t.values[i]!, true);
  }
  return out;
}

interface HeaderEntry {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data_offsets: readonly [number, number];
}

/** Every F32 tensor of a safetensors file by name; anything malformed is a RangeError saying what. */
export function readSafetensors(bytes: Uint8Array): Record<string, NamedTensor> {
  if (bytes.length < 8) throw new RangeError('readSafetensors: the file is shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = Number(view.getBigUint64(0, true));
  if (8 + size > bytes.length) throw new RangeError(`readSafetensors: a ${size}-byte header does not fit the file`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + size))) as Record<string, HeaderEntry>;
  const base = 8 + size;
  const out: Record<string, NamedTensor> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (entry.dtype !== 'F32') throw new RangeError(`readSafetensors: ${name} is ${entry.dtype}, not F32`);
    const [start, end] = entry.data_offsets;
    if (!(start >= 0 && end >= start && base + end <= bytes.length && (end - start) % 4 === 0)) {
      throw new RangeError(`readSafetensors: ${name}'s data_offsets [${start}, ${end}] lie outside the file`);
    }
    const values = new Float32Array((end - start) / 4);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(base + start + 4 * i, true);
    out[name] = { name, shape: entry.shape, values };
  }
  return out;
}
