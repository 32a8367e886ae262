/**
 * Packing a kernel's Params uniform. Every Params struct in shaders/ holds only 4-byte scalars
 * (u32, i32, f32) in declaration order, so its WGSL layout is simply consecutive words; the
 * buffer is padded to 16 bytes as uniform structs require. Each op lists its fields in the
 * same order as its WGSL struct, with the WGSL names, so the two can be read side by side.
 */

export type ParamField = readonly [name: string, type: 'u32' | 'i32' | 'f32', value: number];

export function packParams(fields: readonly ParamField[]): ArrayBuffer {
  const bytes = Math.max(16, Math.ceil((fields.length * 4) / 16) * 16);
  const buffer = new ArrayBuffer(bytes);
  const view = new DataView(buffer);
  fields.forEach(([name, type, value], i) => {
    if (type !== 'f32' && !Number.isInteger(value)) {
      throw new RangeError(`Params field ${name} is ${type} but got ${value}`);
    }
    if (type === 'u32') view.setUint32(i * 4, value, true);
    else if (type === 'i32') view.setInt32(i * 4, value, true);
    else view.setFloat32(i * 4, value, true);
  });
  return buffer;
}
