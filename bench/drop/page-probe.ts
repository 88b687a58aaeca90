// The script run inside the page. A plain JavaScript string, not a function: tsx compiles with
// keepNames, and the helper it wraps named functions in does not exist in the page.

/** What one drop reports, in ms after the drop event. */
export interface DropRecord {
  /** The overview counts every file (queued, uploading or done) and the list holds them all. */
  listedMs: number | null;
  /** Every file is done or failed. */
  doneMs: number | null;
  /** The last staging request (/stage/batch) was answered: the harness-only part of a drop. */
  stagedMs: number | null;
  /** The page sent 'transfers.enqueue' (every file staged, handles in hand). */
  enqueueSentMs: number | null;
  failed: number;
  timedOut: boolean;
  /** Time between consecutive requestAnimationFrame callbacks before everything was listed. */
  listingFrames: number[];
  /** The same from then until every file finished (or the time ran out). */
  uploadFrames: number[];
  /** Main-thread tasks over 50 ms (PerformanceObserver "longtask"). */
  longTasks: { count: number; totalMs: number };
}

/**
 * Builds `count` tiny Files named `<prefix>-00001.txt`…, drops them on the window as a desktop
 * drag would, and watches every frame until all are listed and then all are finished. Both the
 * counts and the list are read as a user sees them: the overview's badges ("1,234 uploading",
 * "5 done") and, where the list says it (aria-setsize), how many rows it holds.
 */
export function dropAndWatch(count: number, prefix: string, timeoutMs: number): string {
  return `new Promise((resolve) => {
    const N = ${count};
    const data = new DataTransfer();
    for (let i = 1; i <= N; i++) {
      const name = ${JSON.stringify(prefix)} + '-' + String(i).padStart(5, '0') + '.txt';
      data.items.add(new File(['file ' + i + '\\n'], name, { type: 'text/plain' }));
    }
    // Timed in the page: Playwright's own request events lag by seconds under 10,000 requests.
    let stagedMs = null;
    let enqueueSentMs = null;
    const fetchBefore = window.fetch;
    window.fetch = (input, init) => fetchBefore(input, init).then((response) => {
      if (String(input).includes('/stage')) stagedMs = performance.now() - droppedAt;
      return response;
    });
    const sendBefore = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      if (enqueueSentMs === null && typeof data === 'string' && data.includes('"transfers.enqueue"'))
        enqueueSentMs = performance.now() - droppedAt;
      return sendBefore.call(this, data);
    };
    const longTasks = { count: 0, totalMs: 0 };
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) { longTasks.count++; longTasks.totalMs += entry.duration; }
      }).observe({ type: 'longtask' });
    } catch {}
    const counts = () => {
      const c = { active: 0, completed: 0, failed: 0 };
      for (const badge of document.querySelectorAll('.transfers-counts .badge')) {
        const n = Number(badge.textContent.replace(/[^0-9]/g, '')) || 0;
        if (badge.classList.contains('badge-accent')) c.active = n;
        else if (badge.classList.contains('badge-success')) c.completed = n;
        else if (badge.classList.contains('badge-danger')) c.failed = n;
      }
      return c;
    };
    const rowsListed = () => {
      const row = document.querySelector('[role=listitem][aria-setsize]');
      return row ? Number(row.getAttribute('aria-setsize')) >= N : true;
    };
    const listingFrames = [];
    const uploadFrames = [];
    let listedMs = null;
    let last = null;
    const fire = (type) => document.body.dispatchEvent(new DragEvent(type, {
      bubbles: true, cancelable: true, dataTransfer: data, clientX: 640, clientY: 400,
    }));
    const droppedAt = performance.now();
    fire('dragenter');
    fire('dragover');
    fire('drop');
    const finish = (doneMs, failed, timedOut) =>
      resolve({ listedMs, doneMs, stagedMs, enqueueSentMs, failed, timedOut, listingFrames,
        uploadFrames, longTasks });
    const frame = (now) => {
      if (last !== null) (listedMs === null ? listingFrames : uploadFrames).push(now - last);
      last = now;
      const elapsed = now - droppedAt;
      const c = counts();
      if (listedMs === null && c.active + c.completed + c.failed >= N && rowsListed()) listedMs = elapsed;
      if (listedMs !== null && c.completed + c.failed >= N) return finish(elapsed, c.failed, false);
      if (elapsed > ${timeoutMs}) return finish(null, c.failed, true);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`;
}
