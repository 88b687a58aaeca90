// A thumbnail the page dropped (its img left the DOM while scrolling) must cost nothing more: the
// request's signal reaches core, a job still waiting for a helper is never downloaded or drawn,
// and a running one is not waited for. Later requests are served as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMediaRequest, mediaUrl } from '../../../src-main/core/library';
import { createForkedThumbnailRenderer } from '../../../src-main/core/library/thumbnail-worker/fork';
import type {
  RenderOptions,
  ThumbnailInput,
  ThumbnailRenderer,
} from '../../../src-main/core/library/thumbnail-worker/renderer';
import { jpeg, startLibraryWorld, type LibraryWorld } from './world';

/**
 * One real helper behind a turnstile: every job the pool starts opens its source only once the
 * test lets it, so a test can hold the one helper busy and see what waits behind it.
 */
class GatedRenderer implements ThumbnailRenderer {
  /** Jobs handed to the pool. */
  queued = 0;
  /** Jobs the pool started (their source opened): the download and the decode follow. */
  started = 0;
  private readonly inner = createForkedThumbnailRenderer({ helpers: 1 });
  private readonly gates: (() => void)[] = [];
  private opened = false;
  private startedListeners: (() => void)[] = [];

  render(input: ThumbnailInput, options: RenderOptions): Promise<Buffer> {
    this.queued += 1;
    const open = async () => {
      this.started += 1;
      for (const listener of this.startedListeners.splice(0)) listener();
      if (!this.opened) await new Promise<void>((pass) => this.gates.push(pass));
      return typeof input === 'function' ? input() : input;
    };
    return this.inner.render(open, options);
  }

  /** Lets every started job (and every later one) open its source. */
  openAll(): void {
    this.opened = true;
    for (const pass of this.gates.splice(0)) pass();
  }

  /** Resolves once `count` jobs have been started. */
  async whenStarted(count: number): Promise<void> {
    while (this.started < count) {
      await new Promise<void>((done) => this.startedListeners.push(done));
    }
  }

  /** Resolves once `count` jobs have been handed to the pool. */
  async whenQueued(count: number): Promise<void> {
    while (this.queued < count) await new Promise((done) => setTimeout(done, 5));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

describe('cancelled thumbnail requests', () => {
  let world: LibraryWorld;
  let renderer: GatedRenderer;
  const keys: Record<string, string> = {};
  const thumb = (name: string, signal?: AbortSignal) =>
    handleMediaRequest(world.library.media, mediaUrl('thumb', 'photos', name), signal);

  beforeAll(async () => {
    renderer = new GatedRenderer();
    const base = await startLibraryWorld();
    base.library.dispose();
    world = base.reopen({ renderer });
    const picture = await jpeg(640, 480);
    for (const name of [
      'held.jpg',
      'dropped-early.jpg',
      'waiting.jpg',
      'running.jpg',
      'next.jpg',
    ]) {
      keys[name] = await world.put(name, picture, 'image/jpeg');
    }
  });

  afterAll(async () => {
    await renderer?.close();
    await world?.dispose();
  });

  it('does no work at all for a request dropped before it was served', async () => {
    const gone = new AbortController();
    gone.abort();
    const response = await thumb('dropped-early.jpg', gone.signal);
    expect(response.ok).toBe(false);
    expect(renderer.queued).toBe(0);
    expect(world.requests('HeadObject', keys['dropped-early.jpg'])).toBe(0);
    expect(world.requests('GetObject', keys['dropped-early.jpg'])).toBe(0);
  });

  it('never downloads or draws a request dropped while it waited for a helper', async () => {
    const held = thumb('held.jpg');
    await renderer.whenStarted(1);
    const leaving = new AbortController();
    const waiting = thumb('waiting.jpg', leaving.signal);
    await renderer.whenQueued(2);
    leaving.abort();
    // Answered while the one helper is still busy: the request did not wait for the queue.
    expect((await waiting).ok).toBe(false);
    expect(renderer.started).toBe(1);

    renderer.openAll();
    const first = await held;
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(renderer.started).toBe(1);
    expect(world.requests('GetObject', keys['waiting.jpg'])).toBe(0);
  });

  it('does not wait for a running job whose request was dropped, and keeps serving others', async () => {
    const gated = new GatedRenderer();
    const gatedWorld = world.reopen({ renderer: gated });
    try {
      const leaving = new AbortController();
      const running = handleMediaRequest(
        gatedWorld.library.media,
        mediaUrl('thumb', 'photos', 'running.jpg'),
        leaving.signal,
      );
      await gated.whenStarted(1);
      leaving.abort();
      // The helper is still held: an answer now shows the request did not wait for it.
      expect((await running).ok).toBe(false);

      gated.openAll();
      const next = await handleMediaRequest(
        gatedWorld.library.media,
        mediaUrl('thumb', 'photos', 'next.jpg'),
      );
      expect(next.status).toBe(200);
      expect(next.headers.get('content-type')).toBe('image/webp');
      // The dropped one is drawn again, in full, when it is asked for once more.
      const again = await handleMediaRequest(
        gatedWorld.library.media,
        mediaUrl('thumb', 'photos', 'running.jpg'),
      );
      expect(again.status).toBe(200);
    } finally {
      gatedWorld.library.dispose();
      await gated.close();
    }
  });

  it('serves a thumbnail that was dropped once when the page asks for it again', async () => {
    const response = await thumb('waiting.jpg');
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(8, 12)
        .toString(),
    ).toBe('WEBP');
    expect(world.requests('GetObject', keys['waiting.jpg'])).toBe(1);
  });
});
