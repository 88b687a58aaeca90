// Scripts run inside the page. They are plain JavaScript strings, not functions: tsx compiles this
// file with keepNames, and the helper it wraps named functions in does not exist in the page.

/** What the first-screen probe reports, in ms after the Sign in button was clicked. */
export interface FirstScreenTimes {
  /** The grid shows its first tiles (names and sizes; thumbnails may still be coming). */
  firstTilesMs: number;
  /** The first thumbnail in view decoded. */
  firstThumbnailMs: number;
  /** Every thumbnail in the grid's visible area decoded: the first screen is complete. */
  firstScreenMs: number;
}

/** What one scroll to the end reports. */
export interface ScrollRecord {
  /** Time between consecutive requestAnimationFrame callbacks while scrolling, in ms. */
  frames: number[];
  /** Main-thread tasks over 50 ms (PerformanceObserver "longtask"). */
  longTasks: { count: number; totalMs: number };
  /** Time spent at the bottom of what was loaded, waiting for the next page of the listing. */
  waitingForPagesMs: number;
  seconds: number;
  /** scrollTop reached, px. */
  distance: number;
}

/**
 * Clicks Sign in (after the form was filled) and resolves once the first screen of thumbnails is
 * decoded. Checked once per frame, as a user's eye would notice.
 */
export function signInAndWatchFirstScreen(buttonLabel: string, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent.trim() === ${JSON.stringify(buttonLabel)});
    if (!button) return reject(new Error('no Sign in button'));
    const clickedAt = performance.now();
    let firstThumbnailMs = null;
    let firstTilesMs = null;
    const check = () => {
      const elapsed = performance.now() - clickedAt;
      if (elapsed > ${timeoutMs}) return reject(new Error('first screen not shown in time'));
      const grid = document.querySelector('[role=grid]');
      const cells = grid ? [...grid.querySelectorAll('[role=gridcell]')] : [];
      if (grid && cells.length > 0) {
        if (firstTilesMs === null) firstTilesMs = elapsed;
        const view = grid.getBoundingClientRect();
        const inView = [...grid.querySelectorAll('img')].filter((img) => {
          const r = img.getBoundingClientRect();
          return r.bottom > view.top && r.top < view.bottom && r.height > 0;
        });
        const decoded = inView.filter((img) => img.complete && img.naturalWidth > 0);
        if (decoded.length > 0 && firstThumbnailMs === null) firstThumbnailMs = elapsed;
        if (inView.length > 0 && decoded.length === inView.length) {
          return resolve({ firstTilesMs, firstThumbnailMs, firstScreenMs: elapsed });
        }
      }
      requestAnimationFrame(check);
    };
    button.click();
    requestAnimationFrame(check);
  })`;
}

/**
 * Scrolls the grid (or any [role=grid] scroller) down at a steady `pxPerSecond`, advancing by the
 * time each frame took, until the listing is complete (aria-rowcount is no longer -1) and the
 * bottom is reached, recording every frame's duration.
 */
export function scrollToEnd(pxPerSecond: number, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const scroller = document.querySelector('[role=grid]');
    if (!scroller) return reject(new Error('no grid to scroll'));
    const frames = [];
    const longTasks = { count: 0, totalMs: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.count += 1;
        longTasks.totalMs += entry.duration;
      }
    });
    observer.observe({ type: 'longtask' });
    let position = scroller.scrollTop;
    let waitingForPagesMs = 0;
    let started = 0;
    let last = 0;
    const step = (now) => {
      const dt = now - last;
      last = now;
      frames.push(dt);
      const bottom = scroller.scrollHeight - scroller.clientHeight;
      const complete = scroller.getAttribute('aria-rowcount') !== '-1';
      if (position >= bottom - 1) {
        if (complete || now - started > ${timeoutMs}) {
          observer.disconnect();
          return resolve({ frames, longTasks, waitingForPagesMs,
            seconds: (now - started) / 1000, distance: scroller.scrollTop });
        }
        waitingForPagesMs += dt;
      }
      // A long frame still moves the page by the time it took (capped), as a fling would.
      position = Math.min(bottom, position + (${pxPerSecond} * Math.min(dt, 100)) / 1000);
      scroller.scrollTop = Math.round(position);
      requestAnimationFrame(step);
    };
    requestAnimationFrame((now) => { started = now; last = now; requestAnimationFrame(step); });
  })`;
}

/** An empty page with a tall [role=grid] scroller: the baseline for the same scroll loop. */
export function emptyScrollerHtml(heightPx: number): string {
  return `<!doctype html><html><body style="margin:0">
    <div role="grid" aria-rowcount="1" style="height:100vh;overflow-y:auto">
      <div style="height:${Math.round(heightPx)}px"></div>
    </div></body></html>`;
}
