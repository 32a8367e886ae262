/**
 * One lesson training run in its own Web Worker, through the same protocol as the studio
 * (engine/worker/protocol.ts): load the data once, build the spec, configure, then start / pause /
 * step / reset. It folds the worker's messages into an immutable RunView and tells listeners at
 * most every `throttleMs` (a re-render per step would cost more than the step), at once when the
 * status changes.
 *
 * Framework-free apart from the Worker it is given, so tests drive it over a MessageChannel in Node.
 */
import { DEFAULT_TRAINER_CONFIG } from '../../../engine/train/trainer';
import type { WorkerClient } from '../../../engine/worker/client';
import type { InspectQuery, InspectResult } from '../../../engine/worker/inspect';
import type {
  DatasetInfo,
  DatasetSource,
  EvalSplit,
  FromWorker,
  SnapshotKind,
  WireTensor,
} from '../../../engine/worker/protocol';
import { gradientNorms } from './gradientNorms';
import { type EpochPoint, LOADING_VIEW, type RunStatus, type RunView, type WorkerRunSetup } from './runView';
import { overlayWeights } from './transfer';

/** The worker a run talks to, and how to end it. */
export interface RunPort {
  readonly client: WorkerClient;
  readonly terminate: () => void;
  /** The embedded MNIST subset's URL, used when a setup names no source. */
  readonly embeddedUrl: string;
}

type Listener = (view: RunView) => void;

/** Keep at most this many gradient-norm readings: enough for a chart, bounded in memory. */
const MAX_NORM_POINTS = 400;

export class WorkerRun {
  private view: RunView = LOADING_VIEW;
  private readonly listeners = new Set<Listener>();
  private setup: WorkerRunSetup | null = null;
  private loadedDataKey: string | null = null;
  /** Bumped by every apply/reset: answers to an older one are dropped. */
  private generation = 0;
  /** True between a build request and its 'model' answer: trainer events then belong to the old model. */
  private rebuilding = false;
  private normsInFlight = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private initialised = false;
  /** Training images in the loaded data, so a fresh run can say how many steps it will take. */
  private trainCount = 0;
  private dataset: DatasetInfo | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly port: RunPort,
    private readonly throttleMs = 150,
  ) {
    this.unsubscribe = port.client.subscribe((message) => this.receive(message));
  }

  get current(): RunView {
    return this.view;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the data (when it differs from what is loaded), builds the model and configures the trainer. */
  async apply(setup: WorkerRunSetup): Promise<void> {
    const generation = ++this.generation;
    this.setup = setup;
    this.port.client.send({ type: 'stop' });
    this.update({ ...LOADING_VIEW }, true);
    try {
      if (!this.initialised) {
        this.port.client.send({ type: 'init', backend: 'auto' });
        this.initialised = true;
      }
      const dataKey = dataKeyOf(setup);
      if (dataKey !== this.loadedDataKey) {
        this.loadedDataKey = null;
        const loaded = this.waitFor('dataset', 'dataset');
        this.port.client.send({
          type: 'load-dataset',
          source: setup.data.source ?? this.embedded(),
          validation: setup.data.validation,
          seed: setup.seed,
          trainLimit: setup.data.trainLimit,
          classes: setup.data.classes ?? null,
        });
        this.dataset = (await loaded).info;
        this.trainCount = this.dataset.trainCount;
        this.loadedDataKey = dataKey;
      }
      if (generation !== this.generation) return;
      await this.build(setup, generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.rebuilding = false;
      this.update(
        { ...this.view, status: 'error', message: error instanceof Error ? error.message : String(error) },
        true,
      );
    }
  }

  start(): void {
    if (this.view.status === 'ready' || this.view.status === 'paused') this.port.client.send({ type: 'start' });
  }

  pause(): void {
    if (this.view.status === 'running') this.port.client.send({ type: 'pause' });
  }

  step(): void {
    if (this.view.status === 'ready' || this.view.status === 'paused') this.port.client.send({ type: 'step' });
  }

  /** Asks the worker what the current model has learned (saliency, CAM, FGSM, ascent ...). */
  inspect(query: InspectQuery): Promise<InspectResult> {
    return this.port.client.inspect(query);
  }

  /** Weights, gradients or one validation sample's activations of the current model (layer null: all). */
  snapshot(kind: SnapshotKind, layer: number | null, sample: number): Promise<readonly WireTensor[]> {
    return this.port.client.snapshot(kind, layer, sample);
  }

  /** Softmax probabilities (and every layer's activations) of the current model for one image. */
  predict(image: Float32Array, activations: boolean): Promise<Extract<FromWorker, { type: 'prediction' }>> {
    return this.port.client.predict(image, activations);
  }

  /** The current model's metrics (accuracy, per-class confusion) on a held-out split. */
  evaluate(split: EvalSplit): Promise<Extract<FromWorker, { type: 'evaluation' }>> {
    return this.port.client.evaluate(split);
  }

  /** Every parameter and buffer of the current model, by name. */
  exportWeights(): Promise<Readonly<Record<string, Float32Array>>> {
    return this.port.client.exportWeights();
  }

  /** Replaces the current model's weights (every param and buffer must be present). */
  importWeights(weights: Readonly<Record<string, Float32Array>>): Promise<void> {
    return this.port.client.importWeights(weights);
  }

  /** The same setup from the start: fresh weights from the same seed, curves cleared. */
  reset(): void {
    if (this.setup) void this.apply(this.setup);
  }

  dispose(): void {
    this.generation++;
    this.unsubscribe();
    this.listeners.clear();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.port.terminate();
  }

  private embedded(): DatasetSource {
    return { kind: 'embedded-mnist', url: this.port.embeddedUrl };
  }

  private async build(setup: WorkerRunSetup, generation: number): Promise<void> {
    this.rebuilding = true;
    const built = this.waitFor('model', 'model');
    this.port.client.send({ type: 'build', spec: setup.spec, seed: setup.seed, init: setup.init });
    const model = await built;
    if (setup.initialWeights && generation === this.generation) {
      // The fresh weights fill whatever the given ones leave out (a new head, say); import needs every entry.
      const fresh = await this.port.client.exportWeights();
      if (generation === this.generation) {
        await this.port.client.importWeights(overlayWeights(fresh, setup.initialWeights));
      }
    }
    this.rebuilding = false;
    if (generation !== this.generation) return;
    this.port.client.send({ type: 'configure', config: { seed: setup.seed, ...setup.trainer } });
    const { epochs, batchSize } = { ...DEFAULT_TRAINER_CONFIG, ...setup.trainer };
    const totalSteps = Math.ceil(this.trainCount / batchSize) * epochs;
    this.update({ ...LOADING_VIEW, status: 'ready', summary: model.summary, dataset: this.dataset, totalSteps }, true);
  }

  /** The next message of `type`, or a rejection with the worker's message for an error of `scope`. */
  private waitFor<T extends 'dataset' | 'model'>(
    type: T,
    scope: 'dataset' | 'model',
  ): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const stop = this.port.client.subscribe((message) => {
        if (message.type === type) {
          stop();
          resolve(message as Extract<FromWorker, { type: T }>);
        } else if (message.type === 'error' && (message.scope === scope || message.scope === 'backend')) {
          stop();
          reject(new Error(message.message));
        }
      });
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'error' && message.scope === 'training') {
      this.update({ ...this.view, status: 'error', message: message.message }, true);
      return;
    }
    if (message.type === 'health') {
      // The worker's health watch paused an unhealthy run: a lesson shows it as diverged, with the words.
      if (!this.rebuilding && this.view.status !== 'loading') {
        this.update({ ...this.view, status: 'diverged', message: message.message }, true);
      }
      return;
    }
    if (message.type !== 'trainer' || this.rebuilding || this.view.status === 'loading') return;
    const event = message.event;
    switch (event.type) {
      case 'progress': {
        const p = event.progress;
        const point = { step: p.step, epoch: p.epoch, loss: p.loss, accuracy: p.accuracy };
        this.update({
          ...this.view,
          points: [...this.view.points, point],
          stepsDone: p.step,
          totalSteps: p.totalSteps,
        });
        if (this.setup?.gradientNorms) void this.readGradientNorms(p.step);
        return;
      }
      case 'epoch': {
        const epoch: EpochPoint = {
          epoch: event.epoch,
          trainLoss: event.train.loss,
          trainAccuracy: event.train.accuracy,
          valLoss: event.validation?.loss ?? null,
          valAccuracy: event.validation?.accuracy ?? null,
        };
        this.update({ ...this.view, epochs: [...this.view.epochs, epoch] });
        return;
      }
      case 'status': {
        const status = statusOf(event.status);
        if (status) this.update({ ...this.view, status, message: event.message }, true);
        return;
      }
    }
  }

  /** One norms reading at a time; a reading that would overlap the previous one is skipped. */
  private async readGradientNorms(step: number): Promise<void> {
    if (this.normsInFlight) return;
    this.normsInFlight = true;
    const generation = this.generation;
    try {
      const norms = await this.port.client.norms();
      if (generation !== this.generation) return;
      const reading = { step, norms: gradientNorms(norms) };
      this.update({ ...this.view, gradientNorms: [...this.view.gradientNorms, reading].slice(-MAX_NORM_POINTS) });
    } catch {
      // The model was rebuilt while the snapshot was read: the next progress point asks again.
    } finally {
      this.normsInFlight = false;
    }
  }

  private update(view: RunView, now = false): void {
    this.view = view;
    if (now) {
      this.flush();
      return;
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.throttleMs);
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    for (const listener of this.listeners) listener(this.view);
  }
}

/**
 * Equal keys mean the loaded data can be reused. Dropped files are known by identity: their buffers
 * were transferred to the worker on the first load, so their contents cannot be compared again.
 */
function dataKeyOf(setup: WorkerRunSetup): string {
  const { trainLimit, validation, source, classes } = setup.data;
  // Bytes are known by identity (a set of images can be tens of MB: never stringified).
  const sourceKey =
    source?.kind === 'files'
      ? `files#${filesId(source.files)}`
      : source?.kind === 'images'
        ? `images#${filesId(source.images)}`
        : source?.kind === 'splits'
          ? `splits#${filesId(source.train)}`
          : JSON.stringify(source ?? null);
  return JSON.stringify([trainLimit, validation, setup.seed, sourceKey, classes ?? null]);
}

const fileIds = new WeakMap<object, number>();
let lastFileId = 0;
function filesId(files: object): number {
  let id = fileIds.get(files);
  if (id === undefined) {
    id = ++lastFileId;
    fileIds.set(files, id);
  }
  return id;
}

/** The trainer's status as a lesson shows it; a cancelled trainer is one this run replaced. */
function statusOf(status: string): RunStatus | null {
  switch (status) {
    case 'running':
    case 'paused':
    case 'done':
    case 'diverged':
      return status;
    case 'idle':
      return 'ready';
    default:
      return null;
  }
}
