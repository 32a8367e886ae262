/**
 * The .convlab model file (app/studio/keep/modelFile.ts): round trips keep every bit, the
 * expected weight names and shapes agree with the engine's CPU model, and every way a file can be
 * wrong is a ModelFileError of the right kind with a sentence that says so.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPER, type StudioHyper } from '../../app/stores/studio';
import {
  crc32,
  decodeModelFile,
  defaultModelName,
  encodeModelFile,
  expectedWeights,
  fileNameFor,
  isModelFileError,
  MODEL_FILE_VERSION,
  type ModelFile,
  type ModelFileProblem,
  tensorsFor,
} from '../../app/studio/keep/modelFile';
import { createCpuModel, getWeights } from '../../engine/cpu/model';
import { type ModelSpec, PRESETS, summarize } from '../../engine/spec';
import type { Metrics } from '../../engine/train/metrics';

// The studio's defaults: what a fresh studio saves and shares.
const HYPER: StudioHyper = DEFAULT_HYPER;

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function fileFor(spec: ModelSpec, seed = 3): ModelFile {
  const model = createCpuModel(spec, { seed });
  const input = summarize(spec).layers[0]!.outputShape as [number, number, number];
  return {
    name: 'Test model',
    savedAt: '2026-11-23T12:00:00.000Z',
    spec,
    hyper: HYPER,
    dataset: { choice: 'embedded-mnist', name: 'MNIST subset', shape: input, classNames: DIGITS },
    training: { epochs: 1.5, validationAccuracy: 0.912, validationLoss: 0.31 },
    history: {
      trainLoss: [
        { x: 0.5, y: 1.2 },
        { x: 1, y: 0.8 },
      ],
      trainAccuracy: [{ x: 1, y: 0.7 }],
      validationLoss: [{ x: 1, y: 0.31 }],
      validationAccuracy: [{ x: 1, y: 0.912 }],
    },
    lastEpoch: {
      epoch: 1,
      train: metrics(0.7, 0.9),
      validation: metrics(0.912, 0.31),
    },
    weights: tensorsFor(spec, getWeights(model)),
  };
}

const lecture = PRESETS['lecture-mnist']!.spec;

function metrics(accuracy: number, loss: number): Metrics {
  const confusion = new Uint32Array(100);
  for (let i = 0; i < 10; i++) confusion[i * 11] = 90 + i;
  return {
    count: 1000,
    loss,
    accuracy,
    perClassAccuracy: DIGITS.map((_, i) => (i === 3 ? Number.NaN : 0.9)),
    confusion,
  };
}

function problemOf(bytes: Uint8Array): { problem: ModelFileProblem; message: string } {
  try {
    decodeModelFile(bytes);
  } catch (error) {
    if (isModelFileError(error)) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('decoded without an error');
}

/** Re-encodes a file after editing its header JSON (the weights bytes stay as they are). */
function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length))) as Record<string, unknown>;
  const data = bytes.subarray(Math.ceil((16 + length) / 4) * 4);
  edit(header);
  const text = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((16 + text.length) / 4) * 4;
  const out = new Uint8Array(start + data.length);
  out.set(bytes.subarray(0, 12));
  new DataView(out.buffer).setUint32(12, text.length, true);
  out.set(text, 16);
  out.set(data, start);
  return out;
}

describe('expectedWeights', () => {
  it.each([
    'lecture-mnist',
    'lenet5-mnist',
    'linear-mnist',
    'convnetjs-cifar10',
    'small-vgg-cifar10',
    'mini-resnet-cifar10',
  ])('%s: the same names and sizes as the CPU model’s params and buffers', (key) => {
    const spec = PRESETS[key]!.spec;
    const model = createCpuModel(spec, { seed: 1 });
    const engine = new Map<string, number>([
      ...model.params.map((p) => [p.name, p.value.length] as const),
      ...model.buffers.map((b) => [b.name, b.value.length] as const),
    ]);
    const ours = expectedWeights(summarize(spec));
    expect(new Map(ours.map((w) => [w.name, w.shape.reduce((a, b) => a * b, 1)]))).toEqual(engine);
    for (const p of model.params) expect(ours.find((w) => w.name === p.name)?.shape).toEqual([...p.shape]);
  });
});

describe('model file round trip', () => {
  it('keeps the spec, hyperparameters, dataset, training summary, curves and every weight bit', () => {
    const file = fileFor(lecture);
    const bytes = encodeModelFile(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x43, 0x4f, 0x4e, 0x56, 0x4c, 0x41, 0x42]);
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(MODEL_FILE_VERSION);
    const back = decodeModelFile(bytes);
    expect(back.spec).toEqual(file.spec);
    expect(back.hyper).toEqual(file.hyper);
    expect(back.dataset).toEqual(file.dataset);
    expect(back.training).toEqual(file.training);
    expect(back.history).toEqual(file.history);
    expect(back.lastEpoch).toEqual(file.lastEpoch);
    expect(back.lastEpoch!.validation!.confusion).toBeInstanceOf(Uint32Array);
    expect(back.lastEpoch!.validation!.perClassAccuracy[3]).toBeNaN();
    expect(back.name).toBe('Test model');
    expect(back.weights.map((w) => w.name)).toEqual(file.weights.map((w) => w.name));
    back.weights.forEach((w, i) => {
      expect(w.shape).toEqual(file.weights[i]!.shape);
      expect(new Uint32Array(w.data.buffer)).toEqual(new Uint32Array(file.weights[i]!.data.slice().buffer));
    });
  });

  it('round-trips a residual net with batch-norm buffers, without curves', () => {
    const spec = PRESETS['mini-resnet-cifar10']!.spec;
    const file = {
      ...fileFor(spec),
      history: undefined,
      dataset: { ...fileFor(spec).dataset, choice: 'cifar10' as const },
    };
    const back = decodeModelFile(encodeModelFile(file));
    expect(back.history).toBeUndefined();
    expect(back.weights.some((w) => w.name.endsWith('.runningVar'))).toBe(true);
    expect(back.weights.reduce((n, w) => n + w.data.length, 0)).toBe(
      file.weights.reduce((n, w) => n + w.data.length, 0),
    );
  });

  it('leaves non-finite curve points and summary values out instead of writing null', () => {
    const file = fileFor(lecture);
    const back = decodeModelFile(
      encodeModelFile({
        ...file,
        training: { epochs: 1, validationAccuracy: Number.NaN, validationLoss: Number.POSITIVE_INFINITY },
        history: {
          ...file.history!,
          trainLoss: [
            { x: 0.5, y: Number.NaN },
            { x: 1, y: 0.5 },
          ],
        },
      }),
    );
    expect(back.history!.trainLoss).toEqual([{ x: 1, y: 0.5 }]);
    expect(back.training).toEqual({ epochs: 1, validationAccuracy: null, validationLoss: null });
  });

  it('keeps a name in any script', () => {
    const back = decodeModelFile(encodeModelFile({ ...fileFor(lecture), name: 'Ziffern – 数字 ✓' }));
    expect(back.name).toBe('Ziffern – 数字 ✓');
  });

  it('refuses to encode weights that do not fit the spec', () => {
    const file = fileFor(lecture);
    expect(() => encodeModelFile({ ...file, weights: file.weights.slice(1) })).toThrow(/conv2d_1\.weight.*missing/);
  });
});

describe('model file errors', () => {
  const good = encodeModelFile(fileFor(lecture));

  it('another kind of file', () => {
    expect(problemOf(new Uint8Array())).toMatchObject({ problem: 'not-a-model-file' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(problemOf(png).message).toMatch(/not a ConvLab model file.*\.convlab/);
    const json = problemOf(new TextEncoder().encode('{"layers": []}'));
    expect(json).toMatchObject({ problem: 'not-a-model-file' });
    expect(json.message).toMatch(/JSON/);
  });

  it('a file cut off anywhere', () => {
    for (const at of [5, 12, 20, 200, good.length - 4000, good.length - 1]) {
      const result = problemOf(good.subarray(0, at));
      expect(result.problem, `cut at ${at}`).toBe('truncated');
      expect(result.message).toMatch(/incomplete/);
    }
  });

  it('a newer or impossible version', () => {
    const newer = good.slice();
    new DataView(newer.buffer).setUint32(8, 2, true);
    expect(problemOf(newer)).toMatchObject({ problem: 'version' });
    expect(problemOf(newer).message).toMatch(/version 2, newer/);
    const zero = good.slice();
    new DataView(zero.buffer).setUint32(8, 0, true);
    expect(problemOf(zero).message).toMatch(/version 0/);
  });

  it('a damaged header', () => {
    const bad = good.slice();
    bad[16] = 0x5b; // '{' -> '[' breaks the JSON
    bad[17] = 0x7d;
    expect(problemOf(bad)).toMatchObject({ problem: 'damaged' });
    const huge = good.slice();
    new DataView(huge.buffer).setUint32(12, 0x7fffffff, true);
    expect(problemOf(huge).problem).toBe('damaged');
  });

  it('damaged weights (checksum) and bytes after them', () => {
    const flipped = good.slice();
    flipped[flipped.length - 10]! ^= 0x40;
    expect(problemOf(flipped)).toMatchObject({ problem: 'damaged' });
    expect(problemOf(flipped).message).toMatch(/checksum/);
    const longer = new Uint8Array(good.length + 3);
    longer.set(good);
    expect(problemOf(longer).message).toMatch(/3 unexpected bytes/);
  });

  it('a spec that does not validate', () => {
    const bad = withHeader(good, (h) => {
      const spec = h.spec as { layers: Record<string, unknown>[] };
      spec.layers[3] = { type: 'conv2d', filters: 10, kernel: 13 };
    });
    const result = problemOf(bad);
    expect(result.problem).toBe('spec');
    expect(result.message).toMatch(/not a valid ConvLab model: Layer 3/);
    const unknown = withHeader(good, (h) => {
      (h.spec as { layers: Record<string, unknown>[] }).layers[1] = { type: 'convolution' };
    });
    expect(problemOf(unknown).message).toMatch(/unknown layer type "convolution"/);
  });

  it('weights whose names or shapes do not match the spec', () => {
    const renamed = withHeader(good, (h) => {
      (h.weights as { name: string }[])[0]!.name = 'conv2d_9.weight';
    });
    expect(problemOf(renamed)).toMatchObject({ problem: 'weights' });
    expect(problemOf(renamed).message).toMatch(/"conv2d_1\.weight" \[10, 1, 5, 5\] is missing/);
    const reshaped = withHeader(good, (h) => {
      (h.weights as { shape: number[] }[])[0]!.shape = [10, 1, 25, 1];
    });
    expect(problemOf(reshaped).message).toMatch(
      /"conv2d_1\.weight" has shape \[10, 1, 25, 1\], the model needs \[10, 1, 5, 5\]/,
    );
    const otherModel = withHeader(good, (h) => {
      const spec = h.spec as { layers: Record<string, unknown>[] };
      spec.layers[6] = { type: 'dense', units: 50, activation: 'relu' };
    });
    expect(problemOf(otherModel).message).toMatch(
      /dense_1\.weight" has shape \[100, 160\], the model needs \[50, 160\]/,
    );
  });

  it('bad hyperparameters, dataset or training summary', () => {
    const lr = withHeader(good, (h) => {
      (h.hyper as Record<string, unknown>).learningRate = -1;
    });
    expect(problemOf(lr).message).toMatch(/learning rate \("learningRate"\) must be a number from 0.000001 to 10/);
    const shape = withHeader(good, (h) => {
      (h.dataset as Record<string, unknown>).shape = [3, 32, 32];
    });
    expect(problemOf(shape).message).toMatch(/3×32×32 but the model reads 1×28×28/);
    const classes = withHeader(good, (h) => {
      (h.dataset as Record<string, unknown>).classNames = ['a', 'b'];
    });
    expect(problemOf(classes).message).toMatch(/10 outputs but the dataset 2 classes/);
    const confusion = withHeader(good, (h) => {
      ((h.lastEpoch as Record<string, Record<string, unknown>>).validation!.confusion as number[]).pop();
    });
    expect(problemOf(confusion).message).toMatch(/last epoch’s validation metrics are not readable/);
    const acc = withHeader(good, (h) => {
      (h.training as Record<string, unknown>).validationAccuracy = 91;
    });
    expect(problemOf(acc).message).toMatch(/fraction/);
  });
});

describe('names', () => {
  it('default model names say what, when and how good', () => {
    const when = new Date(2026, 10, 23, 14, 5);
    expect(defaultModelName('Lecture CNN', when, 0.9123)).toBe('Lecture CNN · 2026-11-23 14:05 · 91.2%');
    expect(defaultModelName('  ', when, null)).toBe('Model · 2026-11-23 14:05');
  });

  it('file names are safe slugs ending in .convlab', () => {
    expect(fileNameFor('Lecture CNN · 2026-11-23 14:05 · 91.2%')).toBe('lecture-cnn-2026-11-23-14-05-91-2.convlab');
    expect(fileNameFor('../../etc/passwd')).toBe('etc-passwd.convlab');
    expect(fileNameFor('数字')).toBe('model.convlab');
  });

  it('crc32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
