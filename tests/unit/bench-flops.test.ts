/**
 * The bench's work and peak figures (bench/flops.ts, bench/peak.ts): FLOPs per training image from
 * the model summary, and the machine's fp32 peak from a /proc/cpuinfo text.
 */
import { describe, expect, it } from 'vitest';
import { trainingFlopsPerImage } from '../../bench/flops';
import { FMA_UNITS_PER_CORE, peakFromCpuinfo } from '../../bench/peak';
import { getPreset } from '../../engine/spec/presets';
import { summarize } from '../../engine/spec/summarize';

describe('trainingFlopsPerImage', () => {
  it('counts 2·MACs forward, twice that backward, less the first layer’s input gradient', () => {
    const summary = summarize(getPreset('lecture-mnist').spec);
    const flops = trainingFlopsPerImage(summary);
    let macs = 0;
    let firstLayerMacs = 0;
    for (const layer of summary.layers) {
      macs += layer.macs;
      if (layer.inputs.includes(0)) firstLayerMacs += layer.macs;
    }
    expect(flops.forward).toBe(2 * macs);
    expect(flops.backward).toBe(4 * macs - 2 * firstLayerMacs);
    expect(flops.total).toBe(flops.forward + flops.backward);
    // conv 10@5x5 on 28x28 → 24x24: 250·576 MACs read the input.
    expect(firstLayerMacs).toBe(10 * 25 * 24 * 24);
  });
});

describe('peakFromCpuinfo', () => {
  const core = (n: number, flags: string): string =>
    `processor\t: ${n}\nmodel name\t: test\ncpu MHz\t\t: 2300.000\nflags\t\t: fpu sse2 ${flags}\n\n`;

  it('2 AVX-512 cores at 2.3 GHz with FMA: 2 × 2.3 × 16 × 2 × FMA units', () => {
    const peak = peakFromCpuinfo(core(0, 'avx avx2 fma avx512f') + core(1, 'avx avx2 fma avx512f'))!;
    expect(peak.cores).toBe(2);
    expect(peak.lanes).toBe(16);
    expect(peak.gflops).toBeCloseTo(2 * 2.3 * 16 * 2 * FMA_UNITS_PER_CORE, 6);
    expect(peak.simd128Gflops).toBeCloseTo(2 * 2.3 * 4 * 2 * FMA_UNITS_PER_CORE, 6);
  });

  it('AVX without FMA counts 8 lanes and one FLOP a lane; no clock gives no peak', () => {
    const peak = peakFromCpuinfo(core(0, 'avx'))!;
    expect(peak.lanes).toBe(8);
    expect(peak.flopsPerLane).toBe(1);
    expect(peakFromCpuinfo('processor\t: 0\nflags\t\t: avx\n')).toBeNull();
  });
});
