/**
 * The worker's state machine: one dataset, one model, at most one trainer. It turns protocol
 * requests into engine calls and engine events into protocol messages. It never touches the
 * DOM or `self`: worker.ts binds it to the worker's message port, and tests bind it to a
 * MessageChannel in Node.
 */

import { softmaxForward } from '../cpu/softmax';
import { gatherBatch } from '../data/batch';
import type { KeepNote } from '../data/kept-fetch';
import type { OptimizerState } from '../gpu/checkpoint';
import { gpuHost } from '../gpu/host';
import { inspectOnGpu } from '../gpu/inspect-on-gpu';
import { GpuModel } from '../gpu/model';
import { GpuTrainer } from '../gpu/trainer';
import type { ModelSpec } from '../spec/types';
import { sizeOf } from '../tensor/tensor';
import type { InitScheme } from '../train/initializers';
import type { Model } from '../train/model';
import { DEFAULT_TRAINER_CONFIG, type TrainerConfig, type TrainingRun } from '../train/trainer';
import { type BackendSelection, chooseBackend, cpuHost, type ModelHost, type NamedTensor } from './backend';
import { browse } from './browse';
import { keepClasses, type LoadedData, limitTraining, loadSource } from './datasets';
import { cpuLogits, gpuLogits, type LogitsFn, metricsOf, mistakesOf } from './evaluate-split';
import { HealthWatch } from './health-watch';
import { type InspectQuery, inspect } from './inspect';
import { cpuLayerParams, gpuLayerParams } from './layer-params';
import { cpuParamNorms, gpuParamNorms, type ParamNorm } from './norms';
import type { BackendChoice, DatasetInfo, EvalSplit, FromWorker, SnapshotKind, ToWorker, WireTensor } from './protocol';

export type Post = (message: FromWorker) => void;

type Weights = Readonly<Record<string, ArrayLike<number>>>;

/** navigator.gpu where this runs in a browser page or worker that has WebGPU; undefined elsewhere. */
function platformGpu(): GPU | undefined {
  return (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
}

export class WorkerSession {
  private data: LoadedData | null = null;
  private host: ModelHost | null = null;
  private built: { spec: ModelSpec; seed: number; init?: InitScheme; weights: Weights | null } | null = null;
  private trainer: TrainingRun | null = null;
  private unsubscribe: (() => void) | null = null;
  private config: TrainerConfig = DEFAULT_TRAINER_CONFIG;
  private backend: BackendSelection = { kind: 'cpu', reason: 'No backend was requested yet: the CPU engine is used.' };
  private choice: BackendChoice = 'cpu';
  /** How each host computes a split's logits (evaluate and mistakes requests). */
  private readonly logitsOf = new WeakMap<ModelHost, LogitsFn>();
  /** Steps the last finished trainer took (the weights' age once it is gone). */
  private lastSteps = 0;
  /** The step the next trainer starts from (a restored checkpoint or resumed session); 0 otherwise. */
  private resumeStep = 0;
  /** Training health on every progress point, and the last good checkpoint. */
  private readonly health = new HealthWatch((message) => this.post(message));

  /** `gpu` is navigator.gpu by default; tests in Node pass the `webgpu` package's GPU object. */
  constructor(
    private readonly post: Post,
    private readonly gpu: GPU | undefined = platformGpu(),
  ) {}

  async handle(message: ToWorker): Promise<void> {
    try {
      await this.dispatch(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const requestId = 'requestId' in message ? message.requestId : undefined;
      this.post({ type: 'error', scope: scopeOf(message), message: text, requestId });
    }
  }

  private async dispatch(message: ToWorker): Promise<void> {
    switch (message.type) {
      case 'init':
        this.choice = message.backend;
        await this.selectBackend(message.backend);
        return;
      case 'load-dataset': {
        this.stopTrainer();
        let keep: KeepNote | undefined;
        this.data = limitTraining(
          keepClasses(
            await loadSource(
              message.source,
              message.validation,
              message.seed,
              (progress) => this.post({ type: 'dataset-progress', progress }),
              (note) => {
                keep = note;
              },
            ),
            message.classes ?? null,
          ),
          message.trainLimit ?? null,
        );
        this.post({ type: 'dataset', info: this.datasetInfo(this.data), ...(keep ? { keep } : {}) });
        return;
      }
      case 'build':
        this.stopTrainer();
        this.built = { spec: message.spec, seed: message.seed, init: message.init, weights: null };
        this.lastSteps = 0;
        this.resumeStep = 0;
        this.health.forget();
        this.rebuild();
        this.post({ type: 'model', summary: this.requireHost().summary });
        return;
      case 'configure': {
        const before = this.config.learningRate;
        this.config = { ...this.config, ...message.config };
        this.trainer?.setLearningRate(this.config.learningRate);
        // A new learning rate for a running or paused run: judge its health afresh from here.
        if (this.trainer && this.config.learningRate !== before) this.health.rejudge(this.trainer.stepsDone);
        return;
      }
      case 'start':
        await this.health.ensureCheckpoint(this.requireHost(), this.trainer?.stepsDone ?? this.resumeStep);
        this.ensureTrainer().resume();
        return;
      case 'pause':
        this.trainer?.pause();
        return;
      case 'step':
        await this.health.ensureCheckpoint(this.requireHost(), this.trainer?.stepsDone ?? this.resumeStep);
        this.ensureTrainer().stepOnce();
        return;
      case 'restore-checkpoint':
        this.restoreCheckpoint();
        this.post({ type: 'done', requestId: message.requestId });
        return;
      case 'continue-from':
        this.stopTrainer();
        this.resumeStep = Math.max(0, Math.floor(message.step));
        this.lastSteps = this.resumeStep;
        return;
      case 'stop':
        this.stopTrainer();
        return;
      case 'snapshot':
        this.post({
          type: 'snapshot',
          requestId: message.requestId,
          kind: message.kind,
          tensors: await this.snapshot(message.kind, message.layer, message.sample),
        });
        return;
      case 'norms':
        this.post({ type: 'norms', requestId: message.requestId, norms: await this.norms() });
        return;
      case 'predict':
        await this.predict(message.requestId, message.image, message.activations);
        return;
      case 'evaluate':
        await this.evaluate(message.requestId, message.split, message.limit);
        return;
      case 'mistakes':
        await this.mistakes(message);
        return;
      case 'browse':
        this.post({
          type: 'browse',
          requestId: message.requestId,
          page: browse(this.requireData()[message.split], message.label, message.offset, message.count),
        });
        return;
      case 'export-weights':
        this.post({ type: 'weights', requestId: message.requestId, weights: await this.requireHost().weights() });
        return;
      case 'inspect':
        await this.inspect(message.requestId, message.query);
        return;
      case 'import-weights':
        this.requireHost().load(message.weights);
        if (this.built) this.built = { ...this.built, weights: message.weights };
        this.health.forget();
        this.post({ type: 'done', requestId: message.requestId });
        return;
    }
  }

  /** Picks the backend, reports it, and moves an existing model onto it (keeping its weights). */
  private async selectBackend(choice: BackendChoice): Promise<void> {
    const weights = this.host && this.built ? await this.host.weights() : null;
    this.stopTrainer();
    this.releaseDevice();
    const selection = await chooseBackend(choice, this.gpu);
    this.backend = selection;
    this.post({
      type: 'backend',
      backend: selection.kind,
      adapter: selection.kind === 'webgpu' ? selection.adapter : null,
      reason: selection.reason,
    });
    if (selection.kind === 'webgpu') {
      const device = selection.device;
      void device.lost.then((info) => this.onDeviceLost(device, info));
    }
    if (this.built) {
      if (weights) this.built = { ...this.built, weights };
      this.rebuild();
    }
  }

  /** (Re)creates the model host for the current spec on the current backend. */
  private rebuild(): void {
    const built = this.built;
    if (!built) return;
    this.host?.destroy();
    this.host = null;
    const weights = built.weights ?? undefined;
    if (this.backend.kind === 'webgpu') {
      const host = gpuHost(this.backend.device, built.spec, built.seed, weights, built.init);
      this.logitsOf.set(host, gpuLogits(host.model));
      this.host = host;
    } else {
      const host = cpuHost(built.spec, built.seed, weights, built.init);
      this.logitsOf.set(host, cpuLogits(host.model));
      this.host = host;
    }
  }

  private releaseDevice(): void {
    if (this.backend.kind !== 'webgpu') return;
    const device = this.backend.device;
    this.host?.destroy();
    this.host = null;
    this.backend = { kind: 'cpu', reason: 'The GPU device was released.' };
    device.destroy();
  }

  /**
   * A lost device (driver reset, another tab took the GPU, the device was destroyed) is reported,
   * then training continues on a new device from the last checkpoint read back (weights and the
   * optimiser's state, so Adam and momentum carry on); the steps after it are trained again.
   */
  private async onDeviceLost(device: GPUDevice, info: GPUDeviceLostInfo): Promise<void> {
    if (this.backend.kind !== 'webgpu' || this.backend.device !== device) return;
    const trainer = this.trainer;
    const wasRunning = trainer?.status === 'running';
    const checkpoint = trainer instanceof GpuTrainer ? trainer.checkpoint : null;
    this.unsubscribe?.();
    trainer?.cancel();
    this.trainer = null;
    this.host = null;
    this.backend = { kind: 'cpu', reason: 'The GPU device was lost.' };
    const step = checkpoint?.step ?? 0;
    this.post({
      type: 'error',
      scope: 'backend',
      message: `The GPU device was lost (${info.message || info.reason}). ConvLab continues on a new device from step ${step}, the last weights and optimiser state it read back; the steps after it are trained again.`,
    });
    if (checkpoint && this.built) this.built = { ...this.built, weights: checkpoint.weights };
    await this.selectBackend(this.choice === 'cpu' ? 'webgpu' : this.choice);
    if (!trainer || !this.host || !this.data) return;
    // selectBackend replaced this.backend; a CPU fallback starts its trainer from step 0.
    const onGpu = (this.backend as BackendSelection).kind === 'webgpu';
    const resumed = onGpu ? this.ensureTrainer(step, checkpoint?.optimizer) : this.ensureTrainer(0);
    if (wasRunning) resumed.resume();
  }

  private datasetInfo(data: LoadedData): DatasetInfo {
    return {
      name: data.train.name,
      shape: data.train.shape,
      classNames: data.train.classNames,
      trainCount: data.train.count,
      validationCount: data.validation.count,
      testCount: data.test.count,
    };
  }

  private requireHost(): ModelHost {
    if (!this.host) throw new Error('No model yet: build one first.');
    return this.host;
  }

  private requireData(): LoadedData {
    if (!this.data) throw new Error('No dataset yet: load one first.');
    return this.data;
  }

  /**
   * Stops the run and puts back the last good checkpoint's weights; the next trainer starts at its
   * step, with a fresh optimiser (the diverged run's moments would throw it off again).
   */
  private restoreCheckpoint(): void {
    const host = this.requireHost();
    const checkpoint = this.health.checkpointOf(host);
    if (!checkpoint) throw new Error('There is no checkpoint to go back to yet: Reset rebuilds the model instead.');
    this.stopTrainer();
    host.load(checkpoint.weights);
    if (this.built) this.built = { ...this.built, weights: checkpoint.weights };
    this.resumeStep = checkpoint.step;
    this.lastSteps = checkpoint.step;
  }

  /** The running trainer, or a new paused one over the current model and data. */
  private ensureTrainer(startStep = this.resumeStep, optimizer: OptimizerState | null = null): TrainingRun {
    if (this.trainer) return this.trainer;
    const host = this.requireHost();
    const data = this.requireData();
    const splits = { train: data.train, validation: data.validation };
    const trainer = host.createTrainer(splits, this.config, startStep, optimizer);
    this.resumeStep = 0;
    const classes = sizeOf(host.summary.layers[host.logitsLayer]!.outputShape);
    this.health.begin(host, this.config.loss, classes, startStep);
    this.unsubscribe = trainer.subscribe((event) => {
      this.post({ type: 'trainer', event });
      if (this.trainer === trainer) this.health.observe(event, trainer, host);
    });
    trainer.pause();
    this.trainer = trainer;
    void trainer.run().then(() => {
      if (this.trainer !== trainer) return;
      this.lastSteps = trainer.stepsDone;
      this.trainer = null;
    });
    return trainer;
  }

  private stopTrainer(): void {
    this.trainer?.cancel();
    this.trainer = null;
  }

  private sampleImage(index: number): Float32Array {
    const set = this.requireData().validation;
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new RangeError(`Sample ${index} does not exist: the validation set has ${set.count} images.`);
    }
    const [c, h, w] = set.shape;
    return gatherBatch(set, [index], new Float32Array(c * h * w));
  }

  private async snapshot(kind: SnapshotKind, layer: number | null, sample: number): Promise<WireTensor[]> {
    const host = this.requireHost();
    const wanted = (i: number): boolean => layer === null || layer === i;
    if (kind === 'activations') {
      const outputs = await host.activations(this.sampleImage(sample));
      return outputs.flatMap((t, i) =>
        wanted(i) ? [{ name: host.summary.layers[i]!.id, shape: [...t.shape], data: t.data.slice() }] : [],
      );
    }
    const params = layer === null ? await host.params(kind) : await this.layerParams(host, kind, layer);
    return params.filter((p) => wanted(p.layer)).map((p) => ({ name: p.name, shape: [...p.shape], data: p.data }));
  }

  /** One layer's params, read alone (the filters view asks for one conv layer on every refresh). */
  private layerParams(host: ModelHost, kind: 'weights' | 'gradients', layer: number): Promise<NamedTensor[]> {
    if (!('model' in host)) return host.params(kind);
    const model = host.model as GpuModel | Model;
    return model instanceof GpuModel
      ? gpuLayerParams(model, kind, layer)
      : Promise.resolve(cpuLayerParams(model, kind, layer));
  }

  /** Every param's weight and gradient norms, on the backend that holds them (the GPU reduces its own). */
  private async norms(): Promise<ParamNorm[]> {
    const host = this.requireHost();
    if (!('model' in host)) throw new Error('This model cannot report its norms.');
    const model = host.model as GpuModel | Model;
    return model instanceof GpuModel ? gpuParamNorms(model) : cpuParamNorms(model);
  }

  /** A split's first `limit` images (all when null) and their logits, on the current weights. */
  private async splitLogits(split: EvalSplit, limit: number | null) {
    const host = this.requireHost();
    const dataset = this.requireData()[split];
    const count = limit === null ? dataset.count : Math.max(0, Math.min(dataset.count, Math.floor(limit)));
    const logitsOf = this.logitsOf.get(host);
    if (!logitsOf) throw new Error('This model cannot be evaluated.');
    const step = this.trainer?.stepsDone ?? this.lastSteps;
    const logits = await logitsOf(dataset, count);
    if (this.host !== host) throw new Error('The model changed during the evaluation: ask again.');
    const classes = sizeOf(host.summary.layers[host.logitsLayer]!.outputShape);
    return { dataset, count, classes, logits, step };
  }

  private async evaluate(requestId: number, split: EvalSplit, limit: number | null): Promise<void> {
    const { dataset, count, classes, logits, step } = await this.splitLogits(split, limit);
    const metrics = metricsOf(logits, dataset, count, classes, this.config.loss);
    this.post({ type: 'evaluation', requestId, split, metrics, step });
  }

  private async inspect(requestId: number, query: InspectQuery): Promise<void> {
    const host = this.requireHost();
    const spec = this.built!.spec;
    // Saliency and FGSM take their gradients on the GPU when the model lives there (the same
    // algorithms and answers, no weight readback); the other kinds run on a CPU copy.
    const onGpu =
      'model' in host && host.model instanceof GpuModel
        ? inspectOnGpu(query, host.model, (image) =>
            'sample' in image ? this.sampleImage(image.sample) : image.pixels,
          )
        : null;
    if (onGpu) {
      this.post({ type: 'inspection', requestId, result: await onGpu });
      return;
    }
    const weights = await host.weights();
    const set = this.data?.validation;
    const validation = set && { count: set.count, label: (index: number) => set.labels[index]! };
    const result = inspect(query, { spec, weights, sample: (index) => this.sampleImage(index), validation });
    this.post({ type: 'inspection', requestId, result });
  }

  private async mistakes(request: Extract<ToWorker, { type: 'mistakes' }>): Promise<void> {
    const { dataset, count, classes, logits, step } = await this.splitLogits(request.split, request.maxImages);
    const metrics = metricsOf(logits, dataset, count, classes, this.config.loss);
    const items = mistakesOf(logits, dataset, count, classes, { limit: request.limit, label: request.label });
    this.post({
      type: 'mistakes',
      requestId: request.requestId,
      split: request.split,
      items,
      evaluated: count,
      wrong: count - trace(metrics.confusion, classes),
      total: dataset.count,
      metrics,
      step,
    });
  }

  private async predict(requestId: number, image: Float32Array, withActivations: boolean): Promise<void> {
    const host = this.requireHost();
    const outputs = await host.activations(image);
    const logits = outputs[host.logitsLayer]!;
    const probabilities = new Float32Array(logits.data.length);
    softmaxForward(1, logits.data.length, logits.data, probabilities);
    const activations = withActivations
      ? outputs.map((t, i) => ({ name: host.summary.layers[i]!.id, shape: [...t.shape], data: t.data.slice() }))
      : [];
    this.post({ type: 'prediction', requestId, probabilities, activations });
  }
}

/** Correct predictions: the confusion matrix's diagonal. */
function trace(confusion: Uint32Array, classes: number): number {
  let correct = 0;
  for (let c = 0; c < classes; c++) correct += confusion[c * classes + c]!;
  return correct;
}

function scopeOf(message: ToWorker): 'dataset' | 'model' | 'training' | 'request' | 'backend' {
  switch (message.type) {
    case 'init':
      return 'backend';
    case 'load-dataset':
      return 'dataset';
    case 'build':
    case 'import-weights':
      return 'model';
    case 'start':
    case 'pause':
    case 'step':
    case 'stop':
    case 'configure':
    case 'continue-from':
      return 'training';
    default:
      return 'request';
  }
}
