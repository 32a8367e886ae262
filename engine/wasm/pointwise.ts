/**
 * The wasm provider's pooling and activation ops (engine/wasm/kernels.ts delegates to these):
 * stage the arrays, run the kernel, or the TypeScript reference when staging ran out of memory.
 */
import type { ConvGeometry } from '../cpu/geometry';
import { tsKernels } from '../cpu/kernels';
import type { ActivationKind } from '../spec/types';
import { ACTIVATION_CODES } from './exports';
import { writeGeometry } from './geometry';
import type { WasmKernels } from './kernels';
import { Stage } from './stage';

export function wasmMaxpoolForward(
  k: WasmKernels,
  geo: ConvGeometry,
  x: Float32Array,
  y: Float32Array,
  switches: Int32Array,
): void {
  const s = new Stage(k.memory);
  const px = s.in(x);
  const py = s.out(y);
  const ps = s.out(switches);
  k.run(
    s,
    () => {
      tsKernels.maxpoolForward(geo, x, y, switches);
    },
    () => {
      k.exports.maxpoolForward(writeGeometry(k.memory, geo), px, py, ps);
    },
  );
}

export function wasmMaxpoolBackward(k: WasmKernels, dy: Float32Array, switches: Int32Array, dx: Float32Array): void {
  const s = new Stage(k.memory);
  const pdy = s.in(dy);
  const ps = s.in(switches);
  const pdx = s.out(dx);
  k.run(
    s,
    () => {
      tsKernels.maxpoolBackward(dy, switches, dx);
    },
    () => {
      k.exports.maxpoolBackward(dy.length, pdy, ps, pdx, dx.length);
    },
  );
}

export function wasmAvgpoolForward(k: WasmKernels, geo: ConvGeometry, x: Float32Array, y: Float32Array): void {
  const s = new Stage(k.memory);
  const px = s.in(x);
  const py = s.out(y);
  k.run(
    s,
    () => {
      tsKernels.avgpoolForward(geo, x, y);
    },
    () => {
      k.exports.avgpoolForward(writeGeometry(k.memory, geo), px, py);
    },
  );
}

export function wasmAvgpoolBackward(k: WasmKernels, geo: ConvGeometry, dy: Float32Array, dx: Float32Array): void {
  const s = new Stage(k.memory);
  const pdy = s.in(dy);
  const pdx = s.out(dx);
  k.run(
    s,
    () => {
      tsKernels.avgpoolBackward(geo, dy, dx);
    },
    () => {
      k.exports.avgpoolBackward(writeGeometry(k.memory, geo), pdy, pdx);
    },
  );
}

export function wasmActivationForward(
  k: WasmKernels,
  kind: ActivationKind,
  alpha: number,
  x: Float32Array,
  y: Float32Array,
): void {
  const s = new Stage(k.memory);
  const inPlace = x === y;
  const px = inPlace ? s.inout(x) : s.in(x);
  const py = inPlace ? px : s.out(y);
  k.run(
    s,
    () => {
      tsKernels.activationForward(kind, alpha, x, y);
    },
    () => {
      k.exports.activationForward(ACTIVATION_CODES[kind], alpha, px, py, x.length);
    },
  );
}

/** Both activation backward forms: the branch from x when given (any α), else from y. */
export function wasmActivationGradient(
  k: WasmKernels,
  kind: ActivationKind,
  alpha: number,
  x: Float32Array | null,
  y: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
): void {
  const s = new Stage(k.memory);
  const px = x ? s.in(x) : 0;
  const py = s.in(y);
  const pdy = dx === dy ? s.inout(dy) : s.in(dy);
  const pdx = dx === dy ? pdy : s.out(dx);
  k.run(
    s,
    () => {
      if (x) tsKernels.activationBackwardFromInput(kind, alpha, x, y, dy, dx);
      else tsKernels.activationBackward(kind, alpha, y, dy, dx);
    },
    () => {
      const code = ACTIVATION_CODES[kind];
      if (x) k.exports.activationBackwardFromInput(code, alpha, px, py, pdy, pdx, y.length);
      else k.exports.activationBackward(code, alpha, py, pdy, pdx, y.length);
    },
  );
}
