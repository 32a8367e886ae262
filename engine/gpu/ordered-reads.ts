/**
 * Readbacks in flight, handled strictly in the order they were started (a later staging buffer
 * may map first), with a bound on how many may be pending: the trainer waits for room before
 * capturing another, which is what limits how far it queues work ahead of the GPU.
 */
export class OrderedReads {
  private pending: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly limit: number) {}

  /** Runs `handle` on `read`'s value after every earlier read was handled. */
  add<T>(read: Promise<T>, handle: (value: T) => void): void {
    this.tail = this.tail.then(async () => handle(await read));
    this.pending.push(this.tail);
  }

  /** Resolves once fewer than `limit` reads are unhandled. */
  async room(): Promise<void> {
    while (this.pending.length >= this.limit) await this.pending.shift();
  }

  /** Resolves once every read started so far was handled. */
  async drain(): Promise<void> {
    await this.tail;
    this.pending = [];
  }
}
