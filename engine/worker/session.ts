/**
 * The worker's state machine: one dataset, one model, at most one trainer. It turns protocol
 * requests into engine calls and engine events into protocol messages. It never touches the
 * DOM or `self`: worker.ts binds it to the worker's message port, and tests bind it to a
 * MessageChannel in Node.
 */

import { createCpuModel, getWeights, loadWeights } from '../cpu/model';
import { softmaxForward } from '../cpu/softmax';
import { gatherBatch } from '../data/batch';
import type { Model } from '../train/model';
import { DEFAULT_TRAINER_CONFIG, Trainer, type TrainerConfig } from '../train/trainer';
import { type LoadedData, loadSource } from './datasets';
import type { DatasetInfo, FromWorker, SnapshotKind, ToWorker, WireTensor } from './protocol';

export type Post = (message: FromWorker) => void;

export class WorkerSession {
  private data: LoadedData | null = null;
  private model: Model | null = null;
  private trainer: Trainer | null = null;
  private config: TrainerConfig = DEFAULT_TRAINER_CONFIG;

  constructor(private readonly post: Post) {}

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
        this.post({
          type: 'backend',
          backend: 'cpu',
          adapter: null,
          reason:
            message.backend === 'cpu'
              ? 'The CPU engine was chosen.'
              : 'Training runs on the CPU engine: the WebGPU training backend is not part of this build yet.',
        });
        return;
      case 'load-dataset':
        this.stopTrainer();
        this.data = await loadSource(message.source, message.validation, message.seed, (progress) =>
          this.post({ type: 'dataset-progress', progress }),
        );
        this.post({ type: 'dataset', info: this.datasetInfo(this.data) });
        return;
      case 'build':
        this.stopTrainer();
        this.model = createCpuModel(message.spec, { seed: message.seed });
        this.post({ type: 'model', summary: this.model.summary });
        return;
      case 'configure':
        this.config = { ...this.config, ...message.config };
        this.trainer?.setLearningRate(this.config.learningRate);
        return;
      case 'start':
        this.ensureTrainer().resume();
        return;
      case 'pause':
        this.trainer?.pause();
        return;
      case 'step':
        this.ensureTrainer().stepOnce();
        return;
      case 'stop':
        this.stopTrainer();
        return;
      case 'snapshot':
        this.post({
          type: 'snapshot',
          requestId: message.requestId,
          kind: message.kind,
          tensors: this.snapshot(message.kind, message.layer, message.sample),
        });
        return;
      case 'predict':
        this.predict(message.requestId, message.image, message.activations);
        return;
      case 'export-weights':
        this.post({ type: 'weights', requestId: message.requestId, weights: getWeights(this.requireModel()) });
        return;
      case 'import-weights':
        loadWeights(this.requireModel(), message.weights);
        this.post({ type: 'done', requestId: message.requestId });
        return;
    }
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

  private requireModel(): Model {
    if (!this.model) throw new Error('No model yet: build one first.');
    return this.model;
  }

  private requireData(): LoadedData {
    if (!this.data) throw new Error('No dataset yet: load one first.');
    return this.data;
  }

  /** The running trainer, or a new paused one over the current model and data. */
  private ensureTrainer(): Trainer {
    if (this.trainer) return this.trainer;
    const model = this.requireModel();
    const data = this.requireData();
    const trainer = new Trainer(model, { train: data.train, validation: data.validation }, this.config);
    trainer.subscribe((event) => this.post({ type: 'trainer', event }));
    trainer.pause();
    this.trainer = trainer;
    void trainer.run().then(() => {
      if (this.trainer === trainer) this.trainer = null;
    });
    return trainer;
  }

  private stopTrainer(): void {
    this.trainer?.cancel();
    this.trainer = null;
  }

  private sampleTensor(index: number): { shape: number[]; data: Float32Array } {
    const set = this.requireData().validation;
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new RangeError(`Sample ${index} does not exist: the validation set has ${set.count} images.`);
    }
    const [c, h, w] = set.shape;
    return { shape: [1, c, h, w], data: gatherBatch(set, [index], new Float32Array(c * h * w)) };
  }

  private snapshot(kind: SnapshotKind, layer: number | null, sample: number): WireTensor[] {
    const model = this.requireModel();
    const wanted = (i: number): boolean => layer === null || layer === i;
    if (kind === 'activations') {
      const outputs = model.forward(this.sampleTensor(sample), { training: false });
      return outputs.flatMap((t, i) =>
        wanted(i) ? [{ name: model.summary.layers[i]!.id, shape: [...t.shape], data: t.data.slice() }] : [],
      );
    }
    return model.params
      .filter((p) => wanted(p.layer))
      .map((p) => ({ name: p.name, shape: [...p.shape], data: (kind === 'weights' ? p.value : p.grad).slice() }));
  }

  private predict(requestId: number, image: Float32Array, withActivations: boolean): void {
    const model = this.requireModel();
    const shape = model.summary.layers[0]!.outputShape;
    const outputs = model.forward({ shape: [1, ...shape], data: image }, { training: false });
    const logits = outputs[model.logitsLayer]!;
    const probabilities = new Float32Array(logits.data.length);
    softmaxForward(1, logits.data.length, logits.data, probabilities);
    const activations = withActivations
      ? outputs.map((t, i) => ({ name: model.summary.layers[i]!.id, shape: [...t.shape], data: t.data.slice() }))
      : [];
    this.post({ type: 'prediction', requestId, probabilities, activations });
  }
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
      return 'training';
    default:
      return 'request';
  }
}
