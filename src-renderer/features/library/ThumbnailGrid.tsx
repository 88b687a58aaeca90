import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useElementWidth } from '../../components/use-element-width';
import { defaultGrid, gridLayout, moveInGrid } from './grid-layout';
import type { GridItem } from './grid-items';
import { GridTile, PlaceholderTile } from './GridTile';

/**
 * Ask for the next page this many rows before the last loaded one comes into view: a page takes
 * a round trip to S3, and at a brisk scroll a screen of rows passes in a fraction of a second.
 */
const PREFETCH_ROWS = 24;

interface ThumbnailGridProps {
  label: string;
  items: readonly GridItem[];
  /** Rows of placeholders to show below the items while pages are still to come. */
  pendingRows: number;
  /** The selected tile; null before the user picks one (the first tile is then the Tab stop). */
  activeIndex: number | null;
  onActivate: (index: number) => void;
  onOpen: (item: GridItem) => void;
  /** Asked for when the user scrolls within a couple of rows of the end. */
  onNearEnd: () => void;
  /** Delete key on a tile. */
  onDeleteKey?: (item: GridItem) => void;
}

/**
 * The library grid, virtualized by rows so 10,000+ tiles scroll smoothly: only the rows in view
 * (plus a few) exist in the DOM. One tile is in the Tab order; arrow keys move between tiles.
 */
export function ThumbnailGrid({
  label,
  items,
  pendingRows,
  activeIndex,
  onActivate,
  onOpen,
  onNearEnd,
  onDeleteKey,
}: ThumbnailGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scroller);
  const { columns, tileWidth, rowHeight } = gridLayout(width);
  const itemRows = Math.ceil(items.length / columns);
  const rowCount = itemRows + pendingRows;
  const { padding } = defaultGrid;
  const focusIndex = activeIndex ?? 0;
  // Rows are memoized, so the callbacks they get must not change with every parent render.
  const latestOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOpen.current = onOpen;
  });
  const openItem = useCallback((item: GridItem) => latestOpen.current(item), []);

  // TanStack Virtual keeps its own mutable state; we don't run the React Compiler, so this is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 4,
    // Rows are rendered in React's next task, not inside each scroll event: the scroll itself
    // stays on the compositor, and the overscan covers the rows a render is late for.
    useFlushSync: false,
    paddingStart: padding,
    paddingEnd: padding,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (pendingRows > 0 && lastRow >= itemRows - PREFETCH_ROWS) onNearEnd();
  }, [lastRow, itemRows, pendingRows, onNearEnd]);

  // Keep keyboard focus on the active tile once its row has been rendered.
  const focusWanted = useRef(false);
  useEffect(() => {
    if (!focusWanted.current) return;
    const tile = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (tile) {
      focusWanted.current = false;
      tile.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const item = items[focusIndex];
    if ((event.key === 'Enter' || event.key === ' ') && item) {
      event.preventDefault();
      onOpen(item);
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && item && onDeleteKey) {
      event.preventDefault();
      onDeleteKey(item);
      return;
    }
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / rowHeight));
    const next = moveInGrid(event.key, focusIndex, items.length, columns, pageRows);
    if (next === null) return;
    event.preventDefault();
    focusWanted.current = true;
    onActivate(next);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
  };

  return (
    <div
      ref={scroller}
      className="grid-scroller"
      role="grid"
      aria-label={label}
      aria-rowcount={pendingRows > 0 ? -1 : itemRows}
      aria-colcount={columns}
      onKeyDown={onKeyDown}
    >
      <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <GridRow
            key={row.key}
            index={row.index}
            start={row.start}
            items={row.index < itemRows ? items : null}
            columns={columns}
            tileWidth={tileWidth}
            activeIndex={activeIndex}
            focusIndex={focusIndex}
            onActivate={onActivate}
            onOpen={openItem}
          />
        ))}
      </div>
    </div>
  );
}

interface GridRowProps {
  index: number;
  /** Offset from the top of the canvas, px. */
  start: number;
  /** All the grid's items (this row shows its share), or null for a row of placeholders. */
  items: readonly GridItem[] | null;
  columns: number;
  tileWidth: number;
  activeIndex: number | null;
  focusIndex: number;
  onActivate: (index: number) => void;
  onOpen: (item: GridItem) => void;
}

/**
 * One virtual row. Memoized: scrolling changes which rows exist, not what an existing row shows,
 * so rows that stay in the window are not rendered again.
 */
const GridRow = memo(function GridRow({
  index,
  start,
  items,
  columns,
  tileWidth,
  activeIndex,
  focusIndex,
  onActivate,
  onOpen,
}: GridRowProps) {
  const { padding, gap } = defaultGrid;
  const first = index * columns;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      className="grid-row"
      style={{
        transform: `translateY(${start}px)`,
        left: padding,
        right: padding,
        gap,
        gridTemplateColumns: `repeat(${columns}, ${tileWidth}px)`,
      }}
    >
      {items
        ? items
            .slice(first, first + columns)
            .map((item, column) => (
              <GridTile
                key={item.id}
                item={item}
                index={first + column}
                column={column}
                active={first + column === activeIndex}
                tabStop={first + column === focusIndex}
                size={tileWidth}
                onActivate={onActivate}
                onOpen={onOpen}
              />
            ))
        : Array.from({ length: columns }, (_, column) => (
            <PlaceholderTile key={column} size={tileWidth} />
          ))}
    </div>
  );
});
