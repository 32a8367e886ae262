/**
 * What a CPU WebGPU adapter (SwiftShader, here through Dawn for Node) charges for the pieces a
 * training kernel is made of, and what that means for "ConvLab WebGPU at 10x the fastest peer",
 * all measured in one run on one machine:
 *
 *   npm run bench:swiftshader        (node scripts/with-webgpu.mjs tsx bench/swiftshader-costs.ts)
 *
 * 1. The arithmetic ceiling: straight-line multiply-adds on 8 register-resident accumulators, no
 *    memory traffic at all. No kernel that has to read its operands can beat it.
 * 2. The same multiply-adds on loop-carried variables (what a `for` loop over taps does).
 * 3. One storage-buffer load (a different address in each lane, runtime-sized array as every
 *    ConvLab kernel declares), in nanoseconds per 4 lanes and in multiply-adds of time.
 * 4. The lecture net's second convolution (batch 64) two ways: fully unrolled with every weight
 *    index a compile-time constant (the cheapest form we found for SwiftShader: weights become
 *    one broadcast load each; the best of 8, 4 or 2 columns per thread; seconds to compile, so not
 *    usable in the product) and ConvLab's conv2d_forward kernel as the engine runs it.
 * 5. ConvNetJS training both bench models in this process (synthetic pixels, batch 64).
 * Then, per model: the multiply-adds one training image costs (engine/spec summary: forward, plus
 * the weight gradient of every layer with weights, plus the input gradient of all but the first),
 * the GMAC/s that 10x ConvNetJS needs, and the images/s the arithmetic ceiling alone would allow.
 * Prints a table and one JSON line; writes bench/results/swiftshader-costs.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { registerWgslLoader } from '../engine/cli/wgsl-hook';

registerWgslLoader();

const { openBenchGpu } = await import('./node-gpu');
const { BufferPool } = await import('../engine/gpu/buffers');
const { PipelineCache } = await import('../engine/gpu/pipelines');
const { conv2dForwardOp } = await import('../engine/gpu/conv2d');
const { convGeometry } = await import('../engine/cpu/geometry');
const { getPreset } = await import('../engine/spec/presets');
const { summarize } = await import('../engine/spec/summarize');
const { createConvnetjsEngine } = await import('./engines/convnetjs');
type Op = import('../engine/gpu/op').Op;
type ModelKey = import('./protocol').ModelKey;
type RunConfig = import('./protocol').RunConfig;

const gpu = await openBenchGpu('convlab swiftshader costs', 64 << 20);
const { device } = gpu;

function storage(floats: number, data?: Float32Array<ArrayBuffer>): GPUBuffer {
  const buffer = device.createBuffer({ size: floats * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  if (data) device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

function pseudoRandom(n: number, seed: number): Float32Array<ArrayBuffer> {
  return Float32Array.from({ length: n }, (_, i) => (((i + 1) * seed) % 211) / 211 - 0.5);
}

/** Fastest of 5 submits of `reps` dispatches each, in ms per dispatch (the least disturbed by load). */
async function timeDispatches(encode: (pass: GPUComputePassEncoder) => void, reps: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 6; round++) {
    const start = performance.now();
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    for (let r = 0; r < reps; r++) encode(pass);
    pass.end();
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
    // Round 0 warms the pipeline up and is not counted.
    if (round > 0) best = Math.min(best, (performance.now() - start) / reps);
  }
  return best;
}

/** Builds a raw kernel (layout 'auto') over storage buffers and times `workgroups` of it. */
async function timeKernel(code: string, buffers: GPUBuffer[], workgroups: number, reps: number) {
  const started = performance.now();
  const pipeline = await device.createComputePipelineAsync({
    layout: 'auto',
    compute: { module: device.createShaderModule({ code }), entryPoint: 'main' },
  });
  const compileMs = performance.now() - started;
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const ms = await timeDispatches((pass) => {
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(workgroups);
  }, reps);
  return { ms, compileMs };
}

const THREADS = 4096;

/** 1 and 2: `perThread` multiply-adds on `acc` accumulators, straight-line or in a loop. */
async function multiplyAdds(acc: number, perThread: number, looped: boolean): Promise<number> {
  const lines = [
    '@group(0) @binding(0) var<storage, read> x: array<f32>;',
    '@group(0) @binding(1) var<storage, read_write> y: array<f32>;',
    '@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) gid: vec3u) {',
    '  let a = x[gid.x % 64u];',
    '  let b = x[(gid.x + 1u) % 64u];',
  ];
  for (let i = 0; i < acc; i++) lines.push(`  var s${i} = x[${i}];`);
  const body = Array.from({ length: acc }, (_, i) => `s${i} = s${i} * a + b;`).join(' ');
  const rounds = perThread / acc;
  if (looped) lines.push(`  for (var k = 0u; k < ${rounds}u; k++) { ${body} }`);
  else for (let k = 0; k < rounds; k++) lines.push(`  ${body}`);
  lines.push(`  y[gid.x] = ${Array.from({ length: acc }, (_, i) => `s${i}`).join(' + ')};`, '}');
  const x = storage(64, pseudoRandom(64, 7));
  const { ms } = await timeKernel(lines.join('\n'), [x, storage(THREADS)], THREADS / 64, 10);
  return (THREADS * perThread) / ms / 1e6;
}

/** 3: ns per 4-lane storage load, 32 independent loads per loop round, lane-varying addresses. */
async function loadCost(): Promise<number> {
  const loads = 32;
  const rounds = 100;
  const lines = [
    '@group(0) @binding(0) var<storage, read> x: array<f32>;',
    '@group(0) @binding(1) var<storage, read_write> y: array<f32>;',
    '@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) gid: vec3u) {',
    '  var s = 0.0;',
    `  for (var k = 0u; k < ${rounds}u; k++) {`,
    '    let base = (gid.x * 5u + k * 37u) % 60000u;',
    `    s = s + ${Array.from({ length: loads }, (_, i) => `x[base + ${i}u]`).join(' + ')};`,
    '  }',
    '  y[gid.x] = s;',
    '}',
  ];
  const { ms } = await timeKernel(lines.join('\n'), [storage(65536), storage(THREADS)], THREADS / 64, 10);
  return (ms * 1e6) / ((THREADS / 4) * rounds * loads);
}

/**
 * 4a: conv of [N, C, H, W] by F KxK filters, fully unrolled: one thread per (n, output row, block
 * of `cols` columns), all F filters, so every weight index is a compile-time constant.
 */
function unrolledConv(n: number, c: number, h: number, w: number, f: number, k: number, cols: number): string {
  const [oh, ow] = [h - k + 1, w - k + 1];
  const blocks = ow / cols;
  const lines = [
    '@group(0) @binding(0) var<storage, read> x: array<f32>;',
    `@group(0) @binding(1) var<storage, read> wt: array<f32, ${f * c * k * k}>;`,
    '@group(0) @binding(2) var<storage, read_write> y: array<f32>;',
    '@compute @workgroup_size(16) fn main(@builtin(global_invocation_id) gid: vec3u) {',
    `  if (gid.x >= ${n * oh * blocks}u) { return; }`,
    `  let n = gid.x / ${oh * blocks}u;`,
    `  let oy = (gid.x / ${blocks}u) % ${oh}u;`,
    `  let ox = (gid.x % ${blocks}u) * ${cols}u;`,
  ];
  for (let o = 0; o < f; o++) for (let j = 0; j < cols; j++) lines.push(`  var a${o}_${j} = 0.0;`);
  for (let ci = 0; ci < c; ci++) {
    for (let ky = 0; ky < k; ky++) {
      lines.push(`  { let r = ((n * ${c}u + ${ci}u) * ${h}u + oy + ${ky}u) * ${w}u + ox;`);
      for (let i = 0; i < cols + k - 1; i++) lines.push(`    let i${i} = x[r + ${i}u];`);
      for (let kx = 0; kx < k; kx++) {
        for (let o = 0; o < f; o++) {
          lines.push(`    { let v = wt[${((o * c + ci) * k + ky) * k + kx}];`);
          for (let j = 0; j < cols; j++) lines.push(`      a${o}_${j} = fma(v, i${j + kx}, a${o}_${j});`);
          lines.push('    }');
        }
      }
      lines.push('  }');
    }
  }
  for (let o = 0; o < f; o++) {
    for (let j = 0; j < cols; j++) {
      lines.push(`  y[((n * ${f}u + ${o}u) * ${oh}u + oy) * ${ow}u + ox + ${j}u] = a${o}_${j};`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}

const CONV = { n: 64, c: 10, h: 12, w: 12, f: 10, k: 5 };
const convMacs = CONV.n * CONV.f * (CONV.h - CONV.k + 1) * (CONV.w - CONV.k + 1) * CONV.c * CONV.k * CONV.k;

/** The unrolled conv with 8, 4 and 2 columns per thread (80, 40 and 20 accumulators): the fastest. */
async function unrolledConvRate(): Promise<{ gmacs: number; compileMs: number; cols: number }> {
  const { n, c, h, w, f, k } = CONV;
  const x = storage(n * c * h * w, pseudoRandom(n * c * h * w, 7919));
  const weights = storage(f * c * k * k, pseudoRandom(f * c * k * k, 104729));
  const y = storage(n * f * (h - k + 1) * (w - k + 1));
  let best = { gmacs: 0, compileMs: 0, cols: 0 };
  for (const cols of [8, 4, 2]) {
    const threads = (n * (h - k + 1) * (w - k + 1)) / cols;
    const code = unrolledConv(n, c, h, w, f, k, cols);
    const { ms, compileMs } = await timeKernel(code, [x, weights, y], Math.ceil(threads / 16), 5);
    const gmacs = convMacs / ms / 1e6;
    console.log(
      `  (unrolled conv, ${cols} columns per thread: ${gmacs.toFixed(2)} G mul-add/s, compiled in ${(compileMs / 1000).toFixed(1)} s)`,
    );
    if (gmacs > best.gmacs) best = { gmacs, compileMs, cols };
  }
  return best;
}

/** 4b: ConvLab's conv2d_forward on the same shape, bias and ReLU fused as in the lecture net. */
async function convlabConvRate(): Promise<number> {
  const { n, c, h, w, f, k } = CONV;
  const ctx = { device, pipelines: new PipelineCache(device), pool: new BufferPool(device) };
  const geo = convGeometry([n, c, h, w], f, [k, k]);
  const op: Op = conv2dForwardOp(
    ctx,
    'lecture conv2',
    geo,
    {
      x: storage(n * c * h * w, pseudoRandom(n * c * h * w, 7919)),
      w: storage(f * c * k * k, pseudoRandom(f * c * k * k, 104729)),
      b: storage(f, pseudoRandom(f, 31)),
      y: storage(n * f * geo.outH * geo.outW),
    },
    { kind: 'relu', alpha: 0 },
  );
  const ms = await timeDispatches((pass) => op.encode(pass), 5);
  return convMacs / ms / 1e6;
}

/** Multiply-adds of one training image: forward, dW of each layer with weights, dX of all but the first. */
function trainingMacs(model: ModelKey): number {
  const layers = summarize(getPreset(model).spec).layers;
  let macs = 0;
  let first = true;
  for (const layer of layers) {
    if (layer.macs === 0) continue;
    macs += first ? 2 * layer.macs : 3 * layer.macs;
    first = false;
  }
  return macs;
}

/** 5: ConvNetJS images/s on synthetic uint8 pixels: 2 untimed steps, then steps for ~seconds. */
async function convnetjsRate(model: ModelKey, seconds: number): Promise<number> {
  const shape: [number, number, number] = model === 'lecture-mnist' ? [1, 28, 28] : [3, 32, 32];
  const count = 512;
  const size = shape[0] * shape[1] * shape[2];
  const dataset = {
    name: 'synthetic',
    count,
    shape,
    images: Uint8Array.from({ length: count * size }, (_, i) => (i * 7919) % 256),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  };
  const config = { model, batchSize: 64, learningRate: 0.01, momentum: 0.9, seed: 1 } as RunConfig;
  const engine = await createConvnetjsEngine(model, { train: dataset, test: dataset }, config);
  await engine.trainSteps(2);
  const start = performance.now();
  let steps = 0;
  while (performance.now() - start < seconds * 1000) steps += await engine.trainSteps(1);
  const rate = (steps * 64 * 1000) / (performance.now() - start);
  engine.dispose();
  return rate;
}

const ceiling = await multiplyAdds(8, 3200, false);
const looped = await multiplyAdds(16, 3200, true);
const loadNs = await loadCost();
const unrolled = await unrolledConvRate();
const convlab = await convlabConvRate();
const models = [] as {
  model: ModelKey;
  macsPerImage: number;
  convnetjsImagesPerSecond: number;
  gmacsFor10x: number;
  shareOfCeilingFor10x: number;
  ceilingImagesPerSecond: number;
}[];
for (const model of ['lecture-mnist', 'convnetjs-cifar10'] as const) {
  const macsPerImage = trainingMacs(model);
  const convnetjsImagesPerSecond = await convnetjsRate(model, model === 'lecture-mnist' ? 8 : 15);
  const gmacsFor10x = (10 * convnetjsImagesPerSecond * macsPerImage) / 1e9;
  models.push({
    model,
    macsPerImage,
    convnetjsImagesPerSecond,
    gmacsFor10x,
    shareOfCeilingFor10x: gmacsFor10x / ceiling,
    ceilingImagesPerSecond: (ceiling * 1e9) / macsPerImage,
  });
}

const f1 = (v: number) => v.toFixed(1);
const f2 = (v: number) => v.toFixed(2);
console.log(`SwiftShader costs on ${gpu.adapterName}`);
console.log(`  arithmetic ceiling (straight-line, 8 accumulators): ${f2(ceiling)} G mul-add/s`);
console.log(`  the same in a loop (16 loop-carried accumulators):  ${f2(looped)} G mul-add/s`);
console.log(
  `  one storage load (4 lanes):                          ${f2(loadNs)} ns = ${f1((loadNs * ceiling) / 4)} mul-adds per lane`,
);
console.log(
  `  lecture conv2 forward, b64, fully unrolled:          ${f2(unrolled.gmacs)} G mul-add/s (best: ${unrolled.cols} columns per thread; compiled in ${(unrolled.compileMs / 1000).toFixed(1)} s)`,
);
console.log(`  lecture conv2 forward, b64, ConvLab conv2d_forward:  ${f2(convlab)} G mul-add/s`);
for (const m of models) {
  console.log(
    `  ${m.model}: ${(m.macsPerImage / 1e6).toFixed(3)}M mul-adds per training image; ConvNetJS ${f1(m.convnetjsImagesPerSecond)} images/s; ` +
      `10x that needs ${f2(m.gmacsFor10x)} G mul-add/s = ${(100 * m.shareOfCeilingFor10x).toFixed(0)}% of the arithmetic ceiling, ` +
      `which alone allows ${Math.round(m.ceilingImagesPerSecond)} images/s (${f1(m.ceilingImagesPerSecond / m.convnetjsImagesPerSecond)}x ConvNetJS)`,
  );
}
const result = {
  adapter: gpu.adapterName,
  when: new Date().toISOString(),
  ceilingGmacs: ceiling,
  loopedGmacs: looped,
  loadNs,
  unrolledConvGmacs: unrolled.gmacs,
  unrolledConvCompileMs: unrolled.compileMs,
  unrolledConvColumnsPerThread: unrolled.cols,
  convlabConvGmacs: convlab,
  models,
};
console.log(JSON.stringify(result));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/swiftshader-costs.json', `${JSON.stringify(result, null, 2)}\n`);
device.destroy();
process.exit(0);
