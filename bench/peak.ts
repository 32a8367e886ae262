/**
 * This machine's theoretical fp32 peak, from /proc/cpuinfo, for the bench's "% of peak":
 *
 *   peak FLOP/s = cores × clock × fp32 lanes × FLOPs per lane per instruction × FMA units per core
 *
 * - cores: the `processor` entries (here 2 vCPUs, one thread per core);
 * - clock: `cpu MHz` (here 2,300 MHz: what the hypervisor reports, the nominal clock; a turbo
 *   clock would make the real peak higher and every "% of peak" lower);
 * - lanes: the widest vector unit in `flags` (avx512f 16, avx 8, sse 4);
 * - 2 FLOPs per lane where `flags` has fma (a multiply and an add in one instruction), else 1;
 * - FMA_UNITS_PER_CORE: not in /proc/cpuinfo. Intel's server cores with AVX-512 (this one is
 *   family 6 model 207, Emerald Rapids) issue two 512-bit FMAs per cycle, so 2.
 *
 * Here: 2 × 2.3 GHz × 16 × 2 × 2 = 294.4 GFLOP/s. Issue 17's "about 190 GFLOP/s with AVX-512" is not
 * derived in the issue; it matches 2 cores × ~3 GHz × 32, i.e. one FMA unit at a turbo clock.
 *
 * WebAssembly SIMD is 128-bit (4 lanes), so the most wasm can reach is a quarter of that:
 * `simd128Gflops` (one thread: half again on this 2-core machine).
 */
import { readFileSync } from 'node:fs';

export const FMA_UNITS_PER_CORE = 2;
const SIMD128_LANES = 4;

export interface MachinePeak {
  readonly cores: number;
  readonly ghz: number;
  readonly lanes: number;
  readonly flopsPerLane: number;
  /** cores × ghz × lanes × flopsPerLane × FMA_UNITS_PER_CORE. */
  readonly gflops: number;
  /** The same with 4 fp32 lanes: WebAssembly SIMD128's ceiling on all cores. */
  readonly simd128Gflops: number;
  /** One line saying how the peak was computed. */
  readonly derivation: string;
}

export function peakFromCpuinfo(cpuinfo: string): MachinePeak | null {
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  const mhz = Number(/^cpu MHz\s*:\s*([\d.]+)/m.exec(cpuinfo)?.[1]);
  const flags = new Set((/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1] ?? '').trim().split(/\s+/));
  if (cores === 0 || !(mhz > 0)) return null;
  const lanes = flags.has('avx512f') ? 16 : flags.has('avx') ? 8 : 4;
  const flopsPerLane = flags.has('fma') ? 2 : 1;
  const ghz = mhz / 1000;
  const per = ghz * flopsPerLane * FMA_UNITS_PER_CORE;
  const gflops = cores * per * lanes;
  const derivation =
    `${cores} cores × ${ghz.toFixed(2)} GHz × ${lanes} fp32 lanes × ${flopsPerLane} FLOPs (${flopsPerLane === 2 ? 'FMA' : 'no FMA'}) ` +
    `× ${FMA_UNITS_PER_CORE} FMA units = ${gflops.toFixed(1)} GFLOP/s (WebAssembly SIMD128, 4 lanes: ${(cores * per * SIMD128_LANES).toFixed(1)})`;
  return { cores, ghz, lanes, flopsPerLane, gflops, simd128Gflops: cores * per * SIMD128_LANES, derivation };
}

/** The peak of the machine the bench runs on; null where /proc/cpuinfo is missing or unreadable. */
export function machinePeak(): MachinePeak | null {
  try {
    return peakFromCpuinfo(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return null;
  }
}
