/**
 * TensorFlow.js 4.x with one backend (webgpu, webgl, wasm or cpu), the model built by hand with
 * tf.layers in channels-last layout (the layout every TF.js backend optimises for). Each step is
 * optimizer.minimize() inside tf.tidy with no readback, so a GPU backend can queue work the way a
 * well-written TF.js training loop does; trainSteps ends by reading the last loss, which waits for
 * the queue. The batch is uploaded every step, as in ordinary TF.js use.
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetSplits } from '../../engine/data/dataset';
import type { BenchEngine } from '../engine';
import type { ModelKey, RunConfig } from '../protocol';
import { argmaxAt, BatchSampler, testSlice, toChannelsLast } from '../sampler';

export type TfjsBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Where the runner's static server exposes @tensorflow/tfjs-backend-wasm/dist/*.wasm. */
const WASM_PATH = '/tfjs-wasm/';

async function selectBackend(backend: TfjsBackend): Promise<string> {
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(WASM_PATH);
  }
  // setBackend resolves false (rather than throwing) when initialisation fails.
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed to initialise`);
  await tf.ready();
  tf.enableProdMode();
  const env = tf.env();
  if (backend === 'wasm') {
    const threads = env.getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? 'threads' : 'no threads';
    const simd = env.getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD';
    return `tfjs ${tf.version.tfjs} wasm (${threads}, ${simd})`;
  }
  if (backend === 'webgl') return `tfjs ${tf.version.tfjs} webgl${env.getNumber('WEBGL_VERSION')}`;
  return `tfjs ${tf.version.tfjs} ${tf.getBackend()}`;
}

function buildModel(model: ModelKey): tf.Sequential {
  const init = 'heNormal';
  if (model === 'lecture-mnist') {
    return tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [28, 28, 1],
          filters: 10,
          kernelSize: 5,
          activation: 'relu',
          kernelInitializer: init,
        }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
        tf.layers.conv2d({ filters: 10, kernelSize: 5, activation: 'relu', kernelInitializer: init }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 100, activation: 'relu', kernelInitializer: init }),
        tf.layers.dense({ units: 10, kernelInitializer: init }),
      ],
    });
  }
  // 5x5 kernels with stride 1 and 'same' padding are exactly ConvNetJS's pad 2.
  const conv = (filters: number, inputShape?: number[]): tf.layers.Layer =>
    tf.layers.conv2d({
      ...(inputShape ? { inputShape } : {}),
      filters,
      kernelSize: 5,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init,
    });
  const pool = (): tf.layers.Layer => tf.layers.maxPooling2d({ poolSize: 2, strides: 2 });
  return tf.sequential({
    layers: [
      conv(16, [32, 32, 3]),
      pool(),
      conv(20),
      pool(),
      conv(20),
      pool(),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, kernelInitializer: init }),
    ],
  });
}

export async function createTfjsEngine(
  backend: TfjsBackend,
  modelKey: ModelKey,
  data: DatasetSplits,
  config: RunConfig,
): Promise<BenchEngine> {
  const note = await selectBackend(backend);
  const model = buildModel(modelKey);
  const optimizer = tf.train.momentum(config.learningRate, config.momentum);
  const sampler = new BatchSampler(data.train, config.batchSize, config.seed);
  const [c, h, w] = data.train.shape;
  const classes = data.train.classNames.length;
  let lastCost: tf.Scalar | null = null;

  /** A fresh array per call: TF.js may keep a reference to it until the upload really happens. */
  const nhwc = (x: Float32Array, n: number): tf.Tensor4D => {
    const out = new Float32Array(n * c * h * w);
    toChannelsLast(x, n, c, h, w, out);
    return tf.tensor4d(out, [n, h, w, c]);
  };

  const logitsOf = async (x: Float32Array, n: number): Promise<Float32Array> => {
    const y = tf.tidy(() => model.predict(nhwc(x, n)) as tf.Tensor);
    const values = (await y.data()) as Float32Array;
    y.dispose();
    return values;
  };

  return {
    note,
    async trainSteps(n: number): Promise<number> {
      for (let s = 0; s < n; s++) {
        const batch = sampler.next();
        const cost = tf.tidy(() => {
          const xs = nhwc(batch.x, batch.n);
          const ys = tf.oneHot(tf.tensor1d(Int32Array.from(batch.labels), 'int32'), classes);
          const lossFn = (): tf.Scalar =>
            tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar;
          return optimizer.minimize(lossFn, true) as tf.Scalar;
        });
        lastCost?.dispose();
        lastCost = cost;
      }
      if (lastCost) await lastCost.data();
      return n;
    },
    async lastLoss(): Promise<number> {
      return lastCost ? (await lastCost.data())[0]! : Number.NaN;
    },
    async predictOne(index: number): Promise<number> {
      return argmaxAt(await logitsOf(testSlice(data.test, index, 1), 1), 0, classes);
    },
    async evaluate(count: number): Promise<number> {
      let correct = 0;
      for (let start = 0; start < count; start += 250) {
        const n = Math.min(250, count - start);
        const logits = await logitsOf(testSlice(data.test, start, n), n);
        for (let b = 0; b < n; b++)
          if (argmaxAt(logits, b * classes, classes) === data.test.labels[start + b]) correct++;
      }
      return correct / count;
    },
    dispose(): void {
      lastCost?.dispose();
      model.dispose();
      optimizer.dispose();
    },
  };
}
