/**
 * WebGPU for the CLI: the `webgpu` npm package (Dawn for Node, a devDependency) is imported only
 * here, and train.ts imports this file only when `--backend webgpu` asks for it (after
 * registering the `.wgsl?raw` loader), so CPU runs never load either.
 */

import type { NamedArrays } from '../cpu/weights';
import type { Dataset } from '../data/dataset';
import { BufferPool } from '../gpu/buffers';
import { acquireDevice } from '../gpu/device';
import { GpuEvaluator } from '../gpu/evaluate';
import { createGpuModel } from '../gpu/model';
import { PipelineCache } from '../gpu/pipelines';
import { GpuTrainer } from '../gpu/trainer';
import type { ModelSpec } from '../spec/types';
import type { Metrics } from '../train/metrics';
import type { TrainerConfig, TrainerData, TrainingRun } from '../train/trainer';
import { ArgsError } from './args';

export interface CliBackend {
  readonly trainer: TrainingRun;
  evaluate(test: Dataset): Promise<Metrics>;
  /** The trained weights read back from the GPU, for --export. */
  weights(): Promise<NamedArrays>;
  readonly adapter: string;
  /** Keeps Dawn's instance alive while the device is in use. */
  readonly hold: unknown;
  /** Destroys the device; Dawn's instance otherwise keeps Node's event loop alive. */
  close(): void;
}

export async function gpuBackend(
  spec: ModelSpec,
  seed: number,
  data: TrainerData & { readonly test: Dataset },
  config: Partial<TrainerConfig>,
): Promise<CliBackend> {
  const gpu = await openNodeGpu(Math.max(data.train.images.byteLength, data.test.images.byteLength));
  const ctx = { device: gpu.device, pipelines: new PipelineCache(gpu.device), pool: new BufferPool(gpu.device) };
  const model = createGpuModel(ctx, spec, { seed });
  return {
    trainer: new GpuTrainer(model, data, config),
    evaluate: (test) => new GpuEvaluator(model, test, 256, config.loss ?? 'crossEntropy').run(),
    weights: () => model.readWeights(),
    adapter: gpu.adapter,
    hold: gpu.instance,
    close: () => gpu.device.destroy(),
  };
}

export interface NodeGpu {
  /** The object `create()` returned: Dawn's instance lives only while it is referenced. */
  readonly instance: GPU;
  readonly device: GPUDevice;
  readonly adapter: string;
}

export async function openNodeGpu(maxBufferBytes: number): Promise<NodeGpu> {
  let webgpu: typeof import('webgpu');
  try {
    webgpu = await import('webgpu');
  } catch (error) {
    throw new ArgsError(
      `--backend webgpu needs the \`webgpu\` package (npm install): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  Object.assign(globalThis, webgpu.globals);
  const instance = webgpu.create([]);
  const result = await acquireDevice(instance, { label: 'convlab cli', maxBufferBytes });
  if (!result.ok) {
    throw new ArgsError(`${result.error.message} Run through \`node scripts/with-webgpu.mjs npm run train -- ...\`.`);
  }
  const info = result.adapterInfo;
  return {
    instance,
    device: result.device,
    adapter: [info.vendor, info.architecture, info.description].filter(Boolean).join(' '),
  };
}
