import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/fs/atomic';

const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the saved window geometry; a missing or damaged file yields the defaults. */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Drops the saved position when no display contains it (a monitor was unplugged). */
export function visibleOn(state: WindowState, displays: readonly Rect[]): WindowState {
  const { x, y } = state;
  if (x === undefined || y === undefined) return state;
  const visible = displays.some(
    (d) => x >= d.x && y >= d.y && x + 100 <= d.x + d.width && y + 100 <= d.y + d.height,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

/** Saves the window geometry atomically. */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}
