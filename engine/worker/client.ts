/**
 * The page's side of the worker protocol: sends typed requests, turns answers carrying a
 * requestId into promises, and hands every other message to subscribers. It only needs a
 * port (postMessage + a message listener), so tests drive it over a MessageChannel in Node.
 */
import type { BrowsePage } from './browse';
import type { InspectQuery, InspectResult } from './inspect';
import type { ParamNorm } from './norms';
import {
  type BrowseSplit,
  type EvalSplit,
  type FromWorker,
  type SnapshotKind,
  type ToWorker,
  transferablesOf,
  type WireTensor,
} from './protocol';

export interface PortLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

type Answer = Extract<FromWorker, { requestId: number }>;

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Answer) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(message: FromWorker) => void>();

  constructor(private readonly port: PortLike) {
    port.addEventListener('message', (event: MessageEvent) => this.receive(event.data as FromWorker));
  }

  /** Sends a message that needs no answer. Buffers in it are transferred (the caller loses them). */
  send(message: ToWorker): void {
    this.port.postMessage(message, transferablesOf(message));
  }

  subscribe(listener: (message: FromWorker) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(kind: SnapshotKind, layer: number | null, sample: number): Promise<readonly WireTensor[]> {
    return this.request((requestId) => ({ type: 'snapshot', requestId, kind, layer, sample })).then((m) =>
      m.type === 'snapshot' ? m.tensors : [],
    );
  }

  /** L2 norms of every param's weights and latest gradient, computed in the worker. */
  norms(): Promise<readonly ParamNorm[]> {
    return this.request((requestId) => ({ type: 'norms', requestId })).then((m) => {
      if (m.type !== 'norms') throw new Error(`Expected norms, got ${m.type}`);
      return m.norms;
    });
  }

  predict(image: Float32Array, activations: boolean): Promise<Extract<FromWorker, { type: 'prediction' }>> {
    return this.request((requestId) => ({ type: 'predict', requestId, image, activations })).then((m) => {
      if (m.type !== 'prediction') throw new Error(`Expected a prediction, got ${m.type}`);
      return m;
    });
  }

  /** Metrics of a split's first `limit` images (every image when null) on the current weights. */
  evaluate(split: EvalSplit, limit: number | null = null): Promise<Extract<FromWorker, { type: 'evaluation' }>> {
    return this.request((requestId) => ({ type: 'evaluate', requestId, split, limit })).then((m) => {
      if (m.type !== 'evaluation') throw new Error(`Expected an evaluation, got ${m.type}`);
      return m;
    });
  }

  /** The split's misclassified images, most confident first (see the 'mistakes' request). */
  mistakes(
    split: EvalSplit,
    options: { readonly limit: number; readonly label?: number | null; readonly maxImages?: number | null },
  ): Promise<Extract<FromWorker, { type: 'mistakes' }>> {
    const { limit, label = null, maxImages = null } = options;
    return this.request((requestId) => ({ type: 'mistakes', requestId, split, limit, label, maxImages })).then((m) => {
      if (m.type !== 'mistakes') throw new Error(`Expected mistakes, got ${m.type}`);
      return m;
    });
  }

  /** One page of the dataset browser (see the 'browse' request). */
  browse(split: BrowseSplit, label: number | null, offset: number, count: number): Promise<BrowsePage> {
    return this.request((requestId) => ({ type: 'browse', requestId, split, label, offset, count })).then((m) => {
      if (m.type !== 'browse') throw new Error(`Expected a browse page, got ${m.type}`);
      return m.page;
    });
  }

  /** What the current model has learned, through the input gradient (see engine/worker/inspect.ts). */
  inspect(query: InspectQuery): Promise<InspectResult> {
    return this.request((requestId) => ({ type: 'inspect', requestId, query })).then((m) => {
      if (m.type !== 'inspection') throw new Error(`Expected an inspection, got ${m.type}`);
      return m.result;
    });
  }

  exportWeights(): Promise<Readonly<Record<string, Float32Array>>> {
    return this.request((requestId) => ({ type: 'export-weights', requestId })).then((m) =>
      m.type === 'weights' ? m.weights : {},
    );
  }

  importWeights(weights: Readonly<Record<string, Float32Array>>): Promise<void> {
    return this.request((requestId) => ({ type: 'import-weights', requestId, weights })).then(() => undefined);
  }

  /** Stops the run and puts back the last good checkpoint (training health); rejects when there is none. */
  restoreCheckpoint(): Promise<void> {
    return this.request((requestId) => ({ type: 'restore-checkpoint', requestId })).then(() => undefined);
  }

  private request(make: (requestId: number) => ToWorker): Promise<Answer> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send(make(requestId));
    });
  }

  private receive(message: FromWorker): void {
    if ('requestId' in message && message.requestId !== undefined) {
      const waiting = this.pending.get(message.requestId);
      if (waiting) {
        this.pending.delete(message.requestId);
        if (message.type === 'error') waiting.reject(new Error(message.message));
        else waiting.resolve(message as Answer);
        return;
      }
    }
    for (const listener of this.listeners) listener(message);
  }
}
