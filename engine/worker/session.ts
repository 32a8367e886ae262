/**
 * The worker's state machine: one dataset, one model, at most one trainer. It turns protocol
 * requests into engine calls and engine events into protocol messages. It never touches the
 * DOM or `self`: worker.ts binds it to the worker's message port, and tests bind it to a
 * MessageChannel in Node.
 */

import { chooseEngine } from '../backend/choose';
import { typescriptBackend } from '../backend/create';
import type { Backend, ModelHost } from '../backend/types';
import type { WasmParallel } from '../backend/wasm-host';
import { softmaxForward } from '../cpu/softmax';
import { gatherBatch } from '../data/batch';
import type { KeepNote } from '../data/kept-fetch';
import type { OptimizerState } from '../gpu/checkpoint';
import type { ModelSpec } from '../spec/types';
import { sizeOf } from '../tensor/tensor';
import type { InitScheme } from '../train/initializers';
import { DEFAULT_TRAINER_CONFIG, type TrainerConfig, type TrainingRun } from '../train/trainer';
import type { WasmModule } from '../wasm/module';
import { browse } from './browse';
import { keepClasses, type LoadedData, limitTraining, loadSource } from './datasets';
import { metricsOf, mistakesOf } from './evaluate-split';
import { HealthWatch } from './health-watch';
import { type InspectQuery, inspect } from './inspect';
import type { ParamNorm } from './norms';
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
  /** A trainer being created (the wasm host may first rebuild its memory): start and step share it. */
  private trainerComing: Promise<TrainingRun> | null = null;
  private unsubscribe: (() => void) | null = null;
  private config: TrainerConfig = DEFAULT_TRAINER_CONFIG;
  private backend: Backend = typescriptBackend();
  private choice: BackendChoice = 'cpu';
  /** Backend and model changes run one at a time; requests that need the model wait for them. */
  private changing: Promise<void> = Promise.resolve();
  /** Steps the last finished trainer took (the weights' age once it is gone). */
  private lastSteps = 0;
  /** The step the next trainer starts from (a restored checkpoint or resumed session); 0 otherwise. */
  private resumeStep = 0;
  /** Training health on every progress point, and the last good checkpoint. */
  private readonly health = new HealthWatch((message) => this.post(message));

  /**
   * `gpu` is navigator.gpu by default; tests in Node pass the `webgpu` package's GPU object.
   * `loadWasm` loads the WebAssembly kernels (engine/wasm/browser.ts in the worker, node/load.ts
   * in tests); without it the WebAssembly engine is not offered. `parallel` lets the wasm engine
   * split each batch over replica workers (engine/parallel/); without it, it trains on one thread.
   */
  constructor(
    private readonly post: Post,
    private readonly gpu: GPU | undefined = platformGpu(),
    private readonly loadWasm: (() => Promise<WasmModule>) | null = null,
    private readonly parallel: WasmParallel | null = null,
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
        await this.change(() => this.selectBackend(message.backend));
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
        await this.change(async () => {
          this.built = { spec: message.spec, seed: message.seed, init: message.init, weights: null };
          this.lastSteps = 0;
          this.resumeStep = 0;
          this.health.forget();
          await this.rebuild();
        });
        this.post({ type: 'model', summary: (await this.currentHost()).summary });
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
        await this.health.ensureCheckpoint(await this.currentHost(), this.trainer?.stepsDone ?? this.resumeStep);
        (await this.ensureTrainer()).resume();
        return;
      case 'pause':
        this.trainer?.pause();
        return;
      case 'step':
        await this.health.ensureCheckpoint(await this.currentHost(), this.trainer?.stepsDone ?? this.resumeStep);
        (await this.ensureTrainer()).stepOnce();
        return;
      case 'restore-checkpoint':
        await this.restoreCheckpoint();
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
        this.post({
          type: 'weights',
          requestId: message.requestId,
          weights: await (await this.currentHost()).weights(),
        });
        return;
      case 'inspect':
        await this.inspect(message.requestId, message.query);
        return;
      case 'import-weights':
        (await this.currentHost()).load(message.weights);
        if (this.built) this.built = { ...this.built, weights: message.weights };
        this.health.forget();
        this.post({ type: 'done', requestId: message.requestId });
        return;
    }
  }

  /** Runs `work` after every change queued before it (a failed one does not block the next). */
  private change(work: () => Promise<void>): Promise<void> {
    const run = this.changing.then(work);
    this.changing = run.catch(() => undefined);
    return run;
  }

  /** Data-parallel training went on on one thread: reports the engine again, with the reason. */
  private onOneThread(why: string): void {
    this.parallel?.onFallback?.(why);
    const backend = this.backend;
    this.post({ type: 'backend', backend: backend.kind, adapter: backend.adapter, threads: 1, reason: why });
  }

  /** Picks the engine, reports it, and moves an existing model onto it (keeping its weights). */
  private async selectBackend(choice: BackendChoice): Promise<void> {
    const weights = this.host && this.built ? await this.host.weights() : null;
    this.stopTrainer();
    this.host?.destroy();
    this.host = null;
    // Replaced before it is released: releasing a GPU resolves its `lost`, which must not count.
    const previous = this.backend;
    this.backend = typescriptBackend();
    previous.dispose();
    const backend = await chooseEngine(choice, {
      gpu: this.gpu,
      loadWasm: this.loadWasm,
      // A replica that fails sends the run on on one thread: the studio's engine line says so.
      parallel: this.parallel && { ...this.parallel, onFallback: (why) => this.onOneThread(why) },
      label: 'convlab training',
    });
    this.backend = backend;
    this.post({
      type: 'backend',
      backend: backend.kind,
      adapter: backend.adapter,
      threads: backend.threads,
      reason: backend.reason,
    });
    void backend.lost?.then((why) => this.onBackendLost(backend, why));
    if (this.built) {
      if (weights) this.built = { ...this.built, weights };
      await this.rebuild();
    }
  }

  /** (Re)creates the model host for the current spec on the current engine. */
  private async rebuild(): Promise<void> {
    const built = this.built;
    if (!built) return;
    this.host?.destroy();
    this.host = null;
    this.host = await this.backend.createHost({
      spec: built.spec,
      seed: built.seed,
      init: built.init,
      ...(built.weights ? { weights: built.weights } : {}),
    });
  }

  /**
   * A lost device (driver reset, another tab took the GPU, the device was destroyed) is reported,
   * then training continues on a new device from the last checkpoint read back (weights and the
   * optimiser's state, so Adam and momentum carry on); the steps after it are trained again.
   */
  private async onBackendLost(backend: Backend, why: string): Promise<void> {
    if (this.backend !== backend) return;
    const trainer = this.trainer;
    const wasRunning = trainer?.status === 'running';
    const point = trainer && this.host ? this.host.resumePoint(trainer) : null;
    this.unsubscribe?.();
    trainer?.cancel();
    this.trainer = null;
    this.host = null;
    this.backend = typescriptBackend();
    const step = point?.step ?? 0;
    this.post({
      type: 'error',
      scope: 'backend',
      message: `The GPU device was lost (${why}). ConvLab continues on a new device from step ${step}, the last weights and optimiser state it read back; the steps after it are trained again.`,
    });
    await this.change(async () => {
      if (point && this.built) this.built = { ...this.built, weights: point.weights };
      await this.selectBackend(this.choice === 'cpu' ? 'webgpu' : this.choice);
    });
    // selectBackend replaced the host (TypeScript's narrowing does not see it).
    const host = this.host as ModelHost | null;
    if (!trainer || !host || !this.data) return;
    // From the checkpoint's step, on any engine; one that keeps no optimiser state starts it afresh.
    const resumed = await this.ensureTrainer(step, point?.optimizer ?? null);
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

  /** The model, once every queued backend or model change has finished. */
  private async currentHost(): Promise<ModelHost> {
    await this.changing;
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
  private async restoreCheckpoint(): Promise<void> {
    const host = await this.currentHost();
    const checkpoint = this.health.checkpointOf(host);
    if (!checkpoint) throw new Error('There is no checkpoint to go back to yet: Reset rebuilds the model instead.');
    this.stopTrainer();
    host.load(checkpoint.weights);
    if (this.built) this.built = { ...this.built, weights: checkpoint.weights };
    this.resumeStep = checkpoint.step;
    this.lastSteps = checkpoint.step;
  }

  /** The running trainer, or a new paused one over the current model and data. */
  private ensureTrainer(startStep = this.resumeStep, optimizer: OptimizerState | null = null): Promise<TrainingRun> {
    if (this.trainer) return Promise.resolve(this.trainer);
    this.trainerComing ??= this.createTrainer(startStep, optimizer).finally(() => {
      this.trainerComing = null;
    });
    return this.trainerComing;
  }

  private async createTrainer(startStep: number, optimizer: OptimizerState | null): Promise<TrainingRun> {
    const host = await this.currentHost();
    const data = this.requireData();
    const splits = { train: data.train, validation: data.validation };
    const trainer = await host.createTrainer(splits, this.config, startStep, optimizer);
    if (this.host !== host) {
      trainer.cancel();
      throw new Error('The model changed while its trainer was made: press Start again.');
    }
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
    const host = await this.currentHost();
    const wanted = (i: number): boolean => layer === null || layer === i;
    if (kind === 'activations') {
      const outputs = await host.activations(this.sampleImage(sample));
      return outputs.flatMap((t, i) =>
        wanted(i) ? [{ name: host.summary.layers[i]!.id, shape: [...t.shape], data: t.data.slice() }] : [],
      );
    }
    // One layer is read alone (the filters view asks for one conv layer on every refresh).
    const params = await host.params(kind, layer ?? undefined);
    return params.filter((p) => wanted(p.layer)).map((p) => ({ name: p.name, shape: [...p.shape], data: p.data }));
  }

  /** Every param's weight and gradient norms, on the engine that holds them (the GPU reduces its own). */
  private async norms(): Promise<ParamNorm[]> {
    return (await this.currentHost()).norms();
  }

  /** A split's first `limit` images (all when null) and their logits, on the current weights. */
  private async splitLogits(split: EvalSplit, limit: number | null) {
    const host = await this.currentHost();
    const dataset = this.requireData()[split];
    const count = limit === null ? dataset.count : Math.max(0, Math.min(dataset.count, Math.floor(limit)));
    const step = this.trainer?.stepsDone ?? this.lastSteps;
    const logits = await host.logits(dataset, count);
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
    const host = await this.currentHost();
    const spec = this.built!.spec;
    // The engine's own answer where it has one (saliency and FGSM take their gradients on the
    // GPU: the same algorithms and answers, no weight readback); otherwise a CPU copy answers.
    const own = host.inspect(query, (image) => ('sample' in image ? this.sampleImage(image.sample) : image.pixels));
    if (own) {
      this.post({ type: 'inspection', requestId, result: await own });
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
    const host = await this.currentHost();
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
