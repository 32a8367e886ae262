/**
 * The coordinator's handle on one started replica: send it a shard, get back its loss, logits,
 * gradients and buffers. Two implementations, one per transport (channel-messages.ts,
 * channel-shared.ts); the data-parallel step does not know which it has.
 */
import type { LossKind } from '../train/loss';

export interface ShardRequest {
  readonly step: number;
  readonly loss: LossKind;
  /** The shard's rows of the batch, [rows, ...inputShape] flattened. */
  readonly x: Float32Array;
  readonly labels: Int32Array;
  /** Params then buffers of the coordinator's model, packed for this step. */
  readonly weights: Float32Array;
}

export interface ShardReply {
  /** The shard's mean loss. */
  readonly loss: number;
  readonly logits: Float32Array;
  readonly grads: Float32Array;
  readonly buffers: Float32Array;
}

export interface ReplicaChannel {
  /**
   * Resolves with the replica's result, or rejects with an Error whose message says in words what
   * went wrong, phrased to follow "replica N " (e.g. "failed in its shard: …", "was shut down").
   */
  run(request: ShardRequest): Promise<ShardReply>;
  /** Stops and terminates the replica; a pending run is abandoned. */
  close(): void;
}

/** Lets a channel reject its pending run once, from whichever of its failure paths fires first. */
export class PendingRun {
  private current: { resolve: (reply: ShardReply) => void; reject: (error: Error) => void } | null = null;
  /** Set once the replica has died or been closed; every later run fails at once with it. */
  failure: string | null = null;

  begin(): Promise<ShardReply> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    if (this.current) return Promise.reject(new Error('was sent a second shard before it answered the first'));
    return new Promise((resolve, reject) => {
      this.current = { resolve, reject };
    });
  }

  resolve(reply: ShardReply): void {
    const current = this.current;
    this.current = null;
    current?.resolve(reply);
  }

  reject(reason: string): void {
    const current = this.current;
    this.current = null;
    current?.reject(new Error(reason));
  }

  /** The replica is gone: fails the pending run and every later one. */
  fail(reason: string): void {
    this.failure ??= reason;
    this.reject(reason);
  }
}
