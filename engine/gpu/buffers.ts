/**
 * GPU buffers: labelled creation, a pool that owns every buffer a model (or a test) creates so
 * they are made once and destroyed together, and upload/readback helpers. Readback here is the
 * slow, awaited kind for tests and snapshots; the training loop reads metrics through the
 * staging ring in metrics-ring.ts instead.
 */

export type HostArray = Float32Array | Uint32Array | Int32Array;

/** Read at call time, not import time: in Node the WebGPU globals are installed after imports. */
function storageUsage(): number {
  return GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
}

/** Bytes rounded up to a multiple of 4 and at least 4 (WebGPU rejects empty bindings). */
export function alignedBytes(bytes: number): number {
  return Math.max(4, Math.ceil(bytes / 4) * 4);
}

export class BufferPool {
  private readonly owned: GPUBuffer[] = [];

  constructor(readonly device: GPUDevice) {}

  /** A zeroed storage buffer usable as kernel input or output and as copy source/target. */
  storage(label: string, bytes: number): GPUBuffer {
    return this.track(this.device.createBuffer({ label, size: alignedBytes(bytes), usage: storageUsage() }));
  }

  /** A storage buffer holding `data` (written through the queue, so ordered before later submits). */
  upload(label: string, data: HostArray | Uint8Array): GPUBuffer {
    const buffer = this.storage(label, data.byteLength);
    writeBytes(this.device, buffer, data);
    return buffer;
  }

  /** A uniform buffer for a kernel's Params struct, written with `data`. */
  uniform(label: string, data: ArrayBuffer): GPUBuffer {
    const buffer = this.track(
      this.device.createBuffer({
        label,
        size: alignedBytes(data.byteLength),
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      }),
    );
    this.device.queue.writeBuffer(buffer, 0, data);
    return buffer;
  }

  /** A MAP_READ buffer to copy results into. */
  staging(label: string, bytes: number): GPUBuffer {
    return this.track(
      this.device.createBuffer({
        label,
        size: alignedBytes(bytes),
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      }),
    );
  }

  get count(): number {
    return this.owned.length;
  }

  destroy(): void {
    for (const b of this.owned) b.destroy();
    this.owned.length = 0;
  }

  private track(buffer: GPUBuffer): GPUBuffer {
    this.owned.push(buffer);
    return buffer;
  }
}

/**
 * Writes `data` at the start of `buffer`. A Uint8Array whose length is not a multiple of 4 is
 * padded with zeros, since queue.writeBuffer moves whole 4-byte words.
 */
export function writeBytes(device: GPUDevice, buffer: GPUBuffer, data: HostArray | Uint8Array, offset = 0): void {
  if (data.byteLength % 4 === 0) {
    device.queue.writeBuffer(buffer, offset, data.buffer, data.byteOffset, data.byteLength);
    return;
  }
  const padded = new Uint8Array(alignedBytes(data.byteLength));
  padded.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  device.queue.writeBuffer(buffer, offset, padded);
}

/** Copies `bytes` of `buffer` to the host and waits for them (tests, snapshots; not the step loop). */
export async function readBytes(device: GPUDevice, buffer: GPUBuffer, bytes = buffer.size): Promise<ArrayBuffer> {
  const size = alignedBytes(bytes);
  const staging = device.createBuffer({
    label: `${buffer.label} readback`,
    size,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder({ label: `${buffer.label} readback` });
  encoder.copyBufferToBuffer(buffer, 0, staging, 0, size);
  device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const copy = staging.getMappedRange().slice(0, bytes);
  staging.unmap();
  staging.destroy();
  return copy;
}

export async function readF32(device: GPUDevice, buffer: GPUBuffer, length: number): Promise<Float32Array> {
  return new Float32Array(await readBytes(device, buffer, length * 4));
}

export async function readU32(device: GPUDevice, buffer: GPUBuffer, length: number): Promise<Uint32Array> {
  return new Uint32Array(await readBytes(device, buffer, length * 4));
}

export async function readI32(device: GPUDevice, buffer: GPUBuffer, length: number): Promise<Int32Array> {
  return new Int32Array(await readBytes(device, buffer, length * 4));
}
