/**
 * AssemblyScript entry: every kernel the host (engine/wasm/kernels.ts) calls. Built twice by
 * scripts/build-wasm.mjs, with plain SIMD128 and with relaxed SIMD (fused multiply-add).
 */
export { activationBackward, activationBackwardFromInput, activationForward } from './activations';
export { biasGradient, conv2dBackward, conv2dForward } from './conv';
export { denseBackward, denseForward } from './dense';
export { gemm, gemmScratchBytes } from './gemm';
export { gemmNT } from './gemm-nt';
export { col2im, im2col } from './im2col';
export { softmaxCrossEntropy } from './losses';
export { adamUpdate, momentumUpdate, sgdUpdate } from './optimizers';
export { avgpoolBackward, avgpoolForward, maxpoolBackward, maxpoolForward } from './pool';

/** First byte free for the host: everything from here up is the host's to lay out. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}
