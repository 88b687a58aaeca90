import { discard, ownBytes, settle, type Job } from './job';
import {
  parseHelperReply,
  type HelperChannel,
  type HelperRequest,
  type SpawnHelper,
} from './protocol';
import {
  ThumbnailRenderError,
  type RenderOptions,
  type ThumbnailInput,
  type ThumbnailRenderer,
} from './renderer';

/** How much work the pool takes on, and how long a helper may take. */
export interface HelperPoolOptions {
  /** Helpers drawing at once, each one image at a time; default 2. */
  helpers?: number;
  /** Jobs that may wait for a free helper; more fail as 'busy' at once. Default 64. */
  maxQueued?: number;
  /** How long a helper may decode an image once it has all of it; default 30 s. */
  timeoutMs?: number;
  /** An idle helper is stopped after this long, returning what the decoder kept; default 60 s. */
  idleMs?: number;
}

const DEFAULTS = { helpers: 2, maxQueued: 64, timeoutMs: 30_000, idleMs: 60_000 };
// Sources already in memory go to the helper in pieces this large.
const CHUNK_BYTES = 1024 * 1024;

interface Helper {
  channel: HelperChannel;
  running?: { id: number; job: Job };
  timer?: ReturnType<typeof setTimeout>;
  idleTimer?: ReturnType<typeof setTimeout>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A ThumbnailRenderer over a few helper processes. Jobs wait in a bounded queue; a helper that
 * crashes, sends nonsense or overruns its time is stopped, its job fails, and the next job gets
 * a fresh helper. A job whose requester aborts while it waits is dropped before its input is
 * even opened.
 */
export class HelperPool implements ThumbnailRenderer {
  private readonly settings: Required<HelperPoolOptions>;
  private readonly queue: Job[] = [];
  private readonly helpers = new Set<Helper>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly spawn: SpawnHelper,
    options: HelperPoolOptions = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
  }

  /** Queues a job; see ThumbnailRenderer.render. */
  render(input: ThumbnailInput, options: RenderOptions): Promise<Buffer> {
    const refuse = (error: ThumbnailRenderError) => {
      discard(input);
      return Promise.reject(error);
    };
    if (this.closed) return refuse(new ThumbnailRenderError('cancelled', 'Hakobu is closing.'));
    if (options.signal?.aborted) return refuse(cancelled());
    if (this.queue.length >= this.settings.maxQueued) {
      return refuse(
        new ThumbnailRenderError(
          'busy',
          `${this.queue.length} previews are waiting already. Retry in a moment.`,
        ),
      );
    }
    return new Promise<Buffer>((resolve, reject) => {
      const signal = options.signal;
      const job: Job = { input, options, settled: false, resolve, reject, release: () => {} };
      if (signal) {
        const onAbort = () => this.abandon(job);
        signal.addEventListener('abort', onAbort, { once: true });
        job.release = () => signal.removeEventListener('abort', onAbort);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Starts helpers up to the pool's size, idle until jobs come; see ThumbnailRenderer.warmUp. */
  warmUp(): void {
    try {
      while (!this.closed && this.helpers.size < this.settings.helpers) {
        this.idle(this.startHelper());
      }
    } catch {
      // The first job reports why a helper cannot start.
    }
  }

  /** Stops every helper; see ThumbnailRenderer.close. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      discard(job.input);
      settle(job, new ThumbnailRenderError('cancelled', 'Hakobu is closing.'));
    }
    for (const helper of [...this.helpers]) {
      this.retire(helper, new ThumbnailRenderError('cancelled', 'Hakobu is closing.'));
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let helper: Helper | undefined;
      try {
        helper = this.freeHelper();
      } catch (error) {
        const job = this.queue.shift() as Job;
        discard(job.input);
        settle(job, crashed(`the thumbnail helper could not start: ${message(error)}`, error));
        continue;
      }
      if (!helper) return;
      void this.run(helper, this.queue.shift() as Job);
    }
  }

  private freeHelper(): Helper | undefined {
    for (const helper of this.helpers) if (!helper.running) return helper;
    if (this.helpers.size >= this.settings.helpers) return undefined;
    return this.startHelper();
  }

  private startHelper(): Helper {
    const helper: Helper = { channel: this.spawn() };
    this.helpers.add(helper);
    helper.channel.onMessage((reply) => this.answer(helper, reply));
    helper.channel.onExit((detail) =>
      this.retire(helper, crashed(`the thumbnail helper stopped while drawing it (${detail})`)),
    );
    return helper;
  }

  private async run(helper: Helper, job: Job): Promise<void> {
    const id = (this.nextId += 1);
    helper.running = { id, job };
    clearTimeout(helper.idleTimer);
    helper.channel.setBusy?.(true);
    const { size, maxInputPixels } = job.options;
    this.post(helper, { type: 'start', id, size, maxInputPixels });
    try {
      await this.feed(helper, id, job);
      if (job.settled || helper.running?.id !== id) return;
      this.post(helper, { type: 'end', id });
      this.arm(helper);
    } catch (error) {
      // The source failed (or was too long): the helper drops the job and answers, freeing itself.
      if (helper.running?.id === id) {
        this.post(helper, { type: 'cancel', id });
        this.arm(helper);
      }
      settle(job, error);
    }
  }

  private async feed(helper: Helper, id: number, job: Job): Promise<void> {
    const input = typeof job.input === 'function' ? await job.input() : job.input;
    if (job.settled) return discard(input);
    const limit = job.options.maxInputBytes ?? Number.POSITIVE_INFINITY;
    let total = 0;
    const send = (chunk: Uint8Array) => {
      total += chunk.byteLength;
      if (total > limit) {
        throw new ThumbnailRenderError('tooLarge', `The image is larger than ${limit} bytes.`);
      }
      this.post(helper, { type: 'chunk', id, data: ownBytes(chunk) });
    };
    if (input instanceof Uint8Array) {
      for (let at = 0; at < input.byteLength; at += CHUNK_BYTES) {
        send(input.subarray(at, at + CHUNK_BYTES));
      }
      return;
    }
    job.source = input;
    try {
      for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
        if (job.settled || helper.running?.id !== id) return;
        send(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      }
    } finally {
      input.destroy();
    }
  }

  /** The requester went away: a waiting job leaves the queue, a running one is told to stop. */
  private abandon(job: Job): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      discard(job.input);
    } else {
      job.source?.destroy();
      for (const helper of this.helpers) {
        if (helper.running?.job !== job) continue;
        this.post(helper, { type: 'cancel', id: helper.running.id });
        // A decode already under way cannot be interrupted; the time bound still holds.
        if (!helper.timer) this.arm(helper);
      }
    }
    settle(job, cancelled());
  }

  private answer(helper: Helper, raw: unknown): void {
    const reply = parseHelperReply(raw);
    if (!reply) {
      this.retire(helper, crashed('the thumbnail helper sent a malformed answer'));
      return;
    }
    const running = helper.running;
    if (!running || running.id !== reply.id) return;
    clearTimeout(helper.timer);
    helper.timer = undefined;
    helper.running = undefined;
    if (reply.type === 'done') {
      settle(
        running.job,
        Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength),
      );
    } else {
      settle(running.job, new ThumbnailRenderError(reply.reason, reply.message));
    }
    this.pump();
    if (!helper.running) this.idle(helper);
  }

  private arm(helper: Helper): void {
    clearTimeout(helper.timer);
    const seconds = Math.round(this.settings.timeoutMs / 100) / 10;
    helper.timer = setTimeout(() => {
      const error = new ThumbnailRenderError(
        'timedOut',
        `Drawing the preview took longer than ${seconds} s, so it was stopped.`,
      );
      this.retire(helper, error);
    }, this.settings.timeoutMs);
  }

  private idle(helper: Helper): void {
    helper.channel.setBusy?.(false);
    clearTimeout(helper.idleTimer);
    helper.idleTimer = setTimeout(() => this.retire(helper), this.settings.idleMs);
    helper.idleTimer.unref?.();
  }

  /** Stops a helper for good; its job (if any) fails with `error`, and waiting jobs move on. */
  private retire(helper: Helper, error?: ThumbnailRenderError): void {
    if (!this.helpers.delete(helper)) return;
    clearTimeout(helper.timer);
    clearTimeout(helper.idleTimer);
    const running = helper.running;
    helper.running = undefined;
    try {
      helper.channel.kill();
    } catch {
      // Already gone.
    }
    if (running) {
      running.job.source?.destroy();
      settle(running.job, error ?? crashed('the thumbnail helper stopped'));
    }
    if (!this.closed) this.pump();
  }

  private post(helper: Helper, request: HelperRequest): void {
    if (!this.helpers.has(helper)) return;
    try {
      helper.channel.send(request);
    } catch {
      // The channel closed under us: the helper's exit follows and fails the job.
    }
  }
}

const cancelled = () =>
  new ThumbnailRenderError('cancelled', 'The preview is no longer wanted, so it was not drawn.');

const crashed = (detail: string, cause?: unknown) =>
  new ThumbnailRenderError('crashed', `Hakobu could not draw the preview: ${detail}.`, { cause });
