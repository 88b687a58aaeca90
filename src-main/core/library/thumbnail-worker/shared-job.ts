/**
 * One piece of work several requesters wait for. Each may give up on its own (its promise rejects
 * with its signal's reason); the work itself is aborted only once every requester has given up.
 */
export class SharedJob<T> {
  private readonly controller = new AbortController();
  private waiting = 0;
  private readonly done: Promise<T>;

  constructor(work: (signal: AbortSignal) => Promise<T>) {
    this.done = work(this.controller.signal);
    // Requesters see the outcome through join(); an abandoned job's failure is nobody's.
    this.done.catch(() => undefined);
  }

  /** True once every requester gave up: a new requester must start the work afresh. */
  get abandoned(): boolean {
    return this.controller.signal.aborted;
  }

  /** The outcome of the work for one more requester, who may leave by aborting `signal`. */
  join(signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.waiting += 1;
    if (!signal) return this.done;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        this.waiting -= 1;
        if (this.waiting === 0) this.controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      this.done.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }

  /** Settles when the work does, whatever its outcome. */
  settled(): Promise<void> {
    return this.done.then(
      () => undefined,
      () => undefined,
    );
  }
}
