export interface GridOptions {
  /** Narrowest a tile may get before a column is dropped. */
  minTile: number;
  gap: number;
  /** Space inside the scroller on each side. */
  padding: number;
  /** Height of the name and size under each square thumbnail. */
  caption: number;
}

export const defaultGrid: GridOptions = { minTile: 156, gap: 14, padding: 20, caption: 44 };

export interface GridMetrics {
  columns: number;
  tileWidth: number;
  /** Height of one virtual row, including the gap below it. */
  rowHeight: number;
}

/** Fits as many square tiles as the width allows, stretching them to fill the row exactly. */
export function gridLayout(width: number, options: GridOptions = defaultGrid): GridMetrics {
  const inner = Math.max(0, width - options.padding * 2);
  const columns = Math.max(1, Math.floor((inner + options.gap) / (options.minTile + options.gap)));
  const tileWidth = Math.max(1, Math.floor((inner - options.gap * (columns - 1)) / columns));
  return { columns, tileWidth, rowHeight: tileWidth + options.caption + options.gap };
}

/**
 * Where focus goes in a grid of `count` tiles for a key press, or null when the key is not a
 * movement. Arrows move by one tile or one row, Home/End jump to the ends, PageUp/PageDown by a screen.
 */
export function moveInGrid(
  key: string,
  index: number,
  count: number,
  columns: number,
  pageRows: number,
): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns < count ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(index + columns * Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - columns * Math.max(1, pageRows));
    default:
      return null;
  }
}
