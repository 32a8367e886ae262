/**
 * Reading many buffer ranges back in one go: one encoder copies them all into one staging
 * buffer and one mapAsync waits for it. Used for weights, gradients and activation snapshots,
 * never in the step loop (that reads metrics through metrics.ts's ring).
 */

export interface Range {
  readonly buffer: GPUBuffer;
  /** Byte offset into `buffer` (a multiple of 4). */
  readonly offset: number;
  /** Number of f32 values. */
  readonly count: number;
}

export async function readRanges(device: GPUDevice, label: string, ranges: readonly Range[]): Promise<Float32Array[]> {
  const starts: number[] = [];
  let total = 0;
  for (const r of ranges) {
    starts.push(total);
    total += r.count * 4;
  }
  if (total === 0) return ranges.map(() => new Float32Array(0));
  const staging = device.createBuffer({
    label: `${label} staging`,
    size: total,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder({ label });
  ranges.forEach((r, i) => {
    if (r.count > 0) encoder.copyBufferToBuffer(r.buffer, r.offset, staging, starts[i]!, r.count * 4);
  });
  device.queue.submit([encoder.finish()]);
  try {
    await staging.mapAsync(GPUMapMode.READ);
    const all = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    return ranges.map((r, i) => all.slice(starts[i]! / 4, starts[i]! / 4 + r.count));
  } finally {
    staging.destroy();
  }
}
