/**
 * The engine's one tensor type: a shape and a flat Float32Array in row-major order.
 * Image batches are NCHW: [batch, channels, height, width]. Nothing here knows about
 * devices; the GPU backend keeps its own buffers and converts at the edges.
 */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Number of elements a shape holds. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function zeros(shape: readonly number[]): Tensor {
  return { shape: [...shape], data: new Float32Array(sizeOf(shape)) };
}

export function tensor(shape: readonly number[], data: ArrayLike<number>): Tensor {
  if (data.length !== sizeOf(shape)) {
    throw new RangeError(`tensor: shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${data.length}`);
  }
  return { shape: [...shape], data: Float32Array.from(data) };
}

export function zerosLike(t: Tensor): Tensor {
  return zeros(t.shape);
}

export function cloneTensor(t: Tensor): Tensor {
  return { shape: [...t.shape], data: t.data.slice() };
}
