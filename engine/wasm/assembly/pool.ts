/**
 * AssemblyScript: max and average pooling over NCHW, as engine/cpu/maxpool.ts and avgpool.ts:
 * padding never wins a max (switches record the flat input index of each winner, −1 for an
 * all-padding window) and the average divides by the full window kh·kw (count_include_pad).
 */
import { gBatch, gInC, gInH, gInW, gKh, gKw, gOutH, gOutW, gPadLeft, gPadTop, gStrideH, gStrideW, readGeometry } from './geometry';

/**
 * The common 2x2, stride 2, unpadded window, four outputs at a time: the window's four inputs
 * (a b / c d) are deinterleaved into vectors and compared in the reference's order (a, b, c, d,
 * strict >, so the first maximum wins), the flat index selected alongside.
 */
function maxpool2x2(x: usize, y: usize, switches: usize): void {
  const planes = gBatch * gInC;
  const negInf = f32x4.splat(-Infinity);
  const ramp = i32x4(0, 2, 4, 6);
  let o: usize = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * gInH * gInW;
    for (let oy = 0; oy < gOutH; oy++) {
      const r0 = base + 2 * oy * gInW;
      const r1 = r0 + gInW;
      let ox = 0;
      for (; ox + 3 < gOutW; ox += 4) {
        const i0 = r0 + 2 * ox;
        const i1 = r1 + 2 * ox;
        const top0 = v128.load(x + <usize>i0 * 4);
        const top1 = v128.load(x + <usize>i0 * 4, 16);
        const bot0 = v128.load(x + <usize>i1 * 4);
        const bot1 = v128.load(x + <usize>i1 * 4, 16);
        const a = v128.shuffle<f32>(top0, top1, 0, 2, 4, 6);
        const b = v128.shuffle<f32>(top0, top1, 1, 3, 5, 7);
        const c = v128.shuffle<f32>(bot0, bot1, 0, 2, 4, 6);
        const d = v128.shuffle<f32>(bot0, bot1, 1, 3, 5, 7);
        const ia = i32x4.add(i32x4.splat(i0), ramp);
        const ic = i32x4.add(i32x4.splat(i1), ramp);
        let best = negInf;
        let at = i32x4.splat(-1);
        let m = f32x4.gt(a, best);
        best = v128.bitselect(a, best, m);
        at = v128.bitselect(ia, at, m);
        m = f32x4.gt(b, best);
        best = v128.bitselect(b, best, m);
        at = v128.bitselect(i32x4.add(ia, i32x4.splat(1)), at, m);
        m = f32x4.gt(c, best);
        best = v128.bitselect(c, best, m);
        at = v128.bitselect(ic, at, m);
        m = f32x4.gt(d, best);
        best = v128.bitselect(d, best, m);
        at = v128.bitselect(i32x4.add(ic, i32x4.splat(1)), at, m);
        // An all-NaN or all −∞ window has no winner: output 0, switch −1.
        const none = i32x4.eq(at, i32x4.splat(-1));
        v128.store(y + (o + <usize>ox) * 4, v128.andnot(best, none));
        v128.store(switches + (o + <usize>ox) * 4, at);
      }
      for (; ox < gOutW; ox++) {
        let best: f32 = -Infinity;
        let at = -1;
        for (let dy = 0; dy < 2; dy++) {
          const row = (dy == 0 ? r0 : r1) + 2 * ox;
          for (let dx = 0; dx < 2; dx++) {
            const v = load<f32>(x + <usize>(row + dx) * 4);
            const wins = v > best;
            best = select<f32>(v, best, wins);
            at = select<i32>(row + dx, at, wins);
          }
        }
        store<f32>(y + (o + <usize>ox) * 4, at < 0 ? 0 : best);
        store<i32>(switches + (o + <usize>ox) * 4, at);
      }
      o += <usize>gOutW;
    }
  }
}

/*
 * The window cursor the general pooling loops share: nextWindow() steps to the next output of the
 * NCHW output (columns, then rows, then planes) and clips its window to the image, as input rows
 * [wyLo, wyHi) and columns [wxLo, wxHi) of the plane that starts at flat input index wBase.
 */
let cPlane = 0;
let cOy = 0;
let cOx = 0;
let wBase = 0;
let wyLo = 0;
let wyHi = 0;
let wxLo = 0;
let wxHi = 0;

/** Rewinds the cursor (after readGeometry) and returns the number of outputs. */
function startWindows(): usize {
  cPlane = 0;
  cOy = 0;
  cOx = -1;
  return <usize>(gBatch * gInC * gOutH * gOutW);
}

// @ts-ignore: decorator
@inline
function nextWindow(): void {
  if (++cOx == gOutW) {
    cOx = 0;
    if (++cOy == gOutH) {
      cOy = 0;
      cPlane++;
    }
  }
  wBase = cPlane * gInH * gInW;
  const y0 = cOy * gStrideH - gPadTop;
  wyLo = max(0, y0);
  wyHi = min(gInH, y0 + gKh);
  const x0 = cOx * gStrideW - gPadLeft;
  wxLo = max(0, x0);
  wxHi = min(gInW, x0 + gKw);
}

export function maxpoolForward(geo: usize, x: usize, y: usize, switches: usize): void {
  readGeometry(geo);
  if (gKh == 2 && gKw == 2 && gStrideH == 2 && gStrideW == 2 && gPadTop == 0 && gPadLeft == 0) {
    maxpool2x2(x, y, switches);
    return;
  }
  const count = startWindows();
  for (let o: usize = 0; o < count; o++) {
    nextWindow();
    const xLo = wxLo;
    const xHi = wxHi;
    let best: f32 = -Infinity;
    let at = -1;
    for (let iy = wyLo; iy < wyHi; iy++) {
      const row = wBase + iy * gInW;
      for (let ix = xLo; ix < xHi; ix++) {
        // Branch-free (wasm select): which input wins is data-dependent and unpredictable.
        const v = load<f32>(x + <usize>(row + ix) * 4);
        const wins = v > best;
        best = select<f32>(v, best, wins);
        at = select<i32>(row + ix, at, wins);
      }
    }
    store<f32>(y + o * 4, at < 0 ? 0 : best);
    store<i32>(switches + o * 4, at);
  }
}

/** dx (inLength floats, overwritten) receives each dy at its switch. */
export function maxpoolBackward(count: i32, dy: usize, switches: usize, dx: usize, inLength: i32): void {
  memory.fill(dx, 0, <usize>inLength * 4);
  for (let o = 0; o < count; o++) {
    const at = load<i32>(switches + <usize>o * 4);
    if (at >= 0) {
      const d = dx + <usize>at * 4;
      store<f32>(d, load<f32>(d) + load<f32>(dy + <usize>o * 4));
    }
  }
}

export function avgpoolForward(geo: usize, x: usize, y: usize): void {
  readGeometry(geo);
  const scale: f32 = <f32>1 / <f32>(gKh * gKw);
  const count = startWindows();
  for (let o: usize = 0; o < count; o++) {
    nextWindow();
    const xLo = wxLo;
    const xHi = wxHi;
    let s: f32 = 0;
    for (let iy = wyLo; iy < wyHi; iy++) {
      const row = wBase + iy * gInW;
      for (let ix = xLo; ix < xHi; ix++) s += load<f32>(x + <usize>(row + ix) * 4);
    }
    store<f32>(y + o * 4, s * scale);
  }
}

/** dx (overwritten): each dy/(kh·kw) spread over the in-image part of its window. */
export function avgpoolBackward(geo: usize, dy: usize, dx: usize): void {
  readGeometry(geo);
  const scale: f32 = <f32>1 / <f32>(gKh * gKw);
  memory.fill(dx, 0, <usize>(gBatch * gInC * gInH * gInW) * 4);
  const count = startWindows();
  for (let o: usize = 0; o < count; o++) {
    nextWindow();
    const xLo = wxLo;
    const xHi = wxHi;
    const g = load<f32>(dy + o * 4) * scale;
    for (let iy = wyLo; iy < wyHi; iy++) {
      const row = wBase + iy * gInW;
      for (let ix = xLo; ix < xHi; ix++) {
        const d = dx + <usize>(row + ix) * 4;
        store<f32>(d, load<f32>(d) + g);
      }
    }
  }
}
