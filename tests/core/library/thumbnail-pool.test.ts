// The pool in front of the thumbnail helpers, driven with stand-in helpers whose answers the test
// gives by hand: what waits, what is dropped, and what happens when a helper misbehaves.
import { describe, expect, it } from 'vitest';
import { HelperPool } from '../../../src-main/core/library/thumbnail-worker/pool';
import type {
  HelperChannel,
  HelperRequest,
} from '../../../src-main/core/library/thumbnail-worker/protocol';
import type { RenderFailure } from '../../../src-main/core/library/thumbnail-worker/renderer';

class FakeHelper {
  received: HelperRequest[] = [];
  killed = false;
  private onMessage: ((message: unknown) => void) | undefined;
  private onExit: ((detail: string) => void) | undefined;
  readonly channel: HelperChannel = {
    send: (request) => void this.received.push(request),
    kill: () => void (this.killed = true),
    onMessage: (listener) => void (this.onMessage = listener),
    onExit: (listener) => void (this.onExit = listener),
  };
  /** The jobs this helper was asked to start. */
  starts(): number[] {
    return this.received.flatMap((r) => (r.type === 'start' ? [r.id] : []));
  }
  answer(message: unknown): void {
    this.onMessage?.(message);
  }
  exit(detail: string): void {
    this.onExit?.(detail);
  }
}

function pool(options: { helpers?: number; maxQueued?: number; idleMs?: number } = {}) {
  const helpers: FakeHelper[] = [];
  const renderer = new HelperPool(() => {
    const helper = new FakeHelper();
    helpers.push(helper);
    return helper.channel;
  }, options);
  return { renderer, helpers };
}

const OPTIONS = { size: 256, maxInputPixels: 1_000_000 };
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'drawn',
    (error: { reason?: RenderFailure }) => error.reason ?? 'other',
  );
/** Lets the pool send what it sends after the input has been opened. */
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the thumbnail pool', () => {
  it('drops a waiting job whose requester aborts: its source is never opened or decoded', async () => {
    const { renderer, helpers } = pool({ helpers: 1 });
    const first = renderer.render(new Uint8Array([1, 2, 3]), OPTIONS);
    const opened: string[] = [];
    const requester = new AbortController();
    const second = renderer.render(
      async () => {
        opened.push('second');
        return new Uint8Array([4, 5, 6]);
      },
      { ...OPTIONS, signal: requester.signal },
    );
    requester.abort();
    expect(await reasonOf(second)).toBe('cancelled');

    const helper = helpers[0] as FakeHelper;
    await settle();
    const [firstId] = helper.starts();
    helper.answer({ type: 'done', id: firstId, data: new Uint8Array([9]) });
    expect([...(await first)]).toEqual([9]);
    await settle();
    expect(opened).toEqual([]);
    expect(helper.starts()).toEqual([firstId]);
    await renderer.close();
  });

  it('refuses a job at once when the queue is full, instead of piling up work', async () => {
    const { renderer } = pool({ helpers: 1, maxQueued: 1 });
    const running = renderer.render(new Uint8Array([1]), OPTIONS);
    const waiting = renderer.render(new Uint8Array([2]), OPTIONS);
    expect(await reasonOf(renderer.render(new Uint8Array([3]), OPTIONS))).toBe('busy');
    await renderer.close();
    expect([await reasonOf(running), await reasonOf(waiting)]).toEqual(['cancelled', 'cancelled']);
  });

  it('tells the helper to drop a running job whose requester aborts', async () => {
    const { renderer, helpers } = pool({ helpers: 1 });
    const requester = new AbortController();
    const job = renderer.render(new Uint8Array([1]), { ...OPTIONS, signal: requester.signal });
    await settle();
    requester.abort();
    expect(await reasonOf(job)).toBe('cancelled');
    const helper = helpers[0] as FakeHelper;
    expect(helper.received.map((r) => r.type)).toEqual(['start', 'chunk', 'end', 'cancel']);
    await renderer.close();
  });

  it('replaces a helper that sends a malformed answer, and the next job is drawn', async () => {
    const { renderer, helpers } = pool({ helpers: 1 });
    const job = renderer.render(new Uint8Array([1]), OPTIONS);
    await settle();
    const first = helpers[0] as FakeHelper;
    first.answer({ type: 'done', id: first.starts()[0], data: 'not bytes' });
    expect(await reasonOf(job)).toBe('crashed');
    expect(first.killed).toBe(true);

    const next = renderer.render(new Uint8Array([2]), OPTIONS);
    await settle();
    const second = helpers[1] as FakeHelper;
    second.answer({ type: 'done', id: second.starts()[0], data: new Uint8Array([7]) });
    expect([...(await next)]).toEqual([7]);
    await renderer.close();
  });

  it('fails the job of a helper that dies, and starts a fresh helper for the next', async () => {
    const { renderer, helpers } = pool({ helpers: 1 });
    const job = renderer.render(new Uint8Array([1]), OPTIONS);
    const queued = renderer.render(new Uint8Array([2]), OPTIONS);
    await settle();
    (helpers[0] as FakeHelper).exit('killed by SIGSEGV');
    expect(await reasonOf(job)).toBe('crashed');
    await settle();
    const fresh = helpers[1] as FakeHelper;
    fresh.answer({ type: 'done', id: fresh.starts()[0], data: new Uint8Array([8]) });
    expect([...(await queued)]).toEqual([8]);
    await renderer.close();
  });

  it('starts its helpers when warmed up, so the first jobs go to helpers already loading', async () => {
    const { renderer, helpers } = pool({ helpers: 2 });
    renderer.warmUp();
    renderer.warmUp();
    expect(helpers).toHaveLength(2);
    const job = renderer.render(new Uint8Array([1]), OPTIONS);
    await settle();
    expect(helpers).toHaveLength(2);
    const first = helpers[0] as FakeHelper;
    first.answer({ type: 'done', id: first.starts()[0], data: new Uint8Array([7]) });
    expect([...(await job)]).toEqual([7]);
    await renderer.close();
  });

  it('stops warmed-up helpers that no job came for', async () => {
    const { renderer, helpers } = pool({ helpers: 2, idleMs: 10 });
    renderer.warmUp();
    await new Promise((done) => setTimeout(done, 50));
    expect(helpers.map((h) => h.killed)).toEqual([true, true]);
    await renderer.close();
  });
});
