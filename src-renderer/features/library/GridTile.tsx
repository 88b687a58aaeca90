import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/settings-context';
import { Icon } from '../../components/Icon';
import { formatBytes } from '../../i18n/format';
import { extensionOf, type GridItem } from './grid-items';
import { Thumbnail } from './Thumbnail';

// formatBytes builds an Intl.NumberFormat per call, which shows when a scroll mounts hundreds of
// tiles a second; a folder's sizes repeat, so their labels are kept (bounded, per locale).
const sizeLabels = new Map<string, string>();
function sizeLabel(bytes: number, locale: string): string {
  const key = `${locale} ${bytes}`;
  let label = sizeLabels.get(key);
  if (label === undefined) {
    if (sizeLabels.size >= 10_000) sizeLabels.clear();
    label = formatBytes(bytes, locale);
    sizeLabels.set(key, label);
  }
  return label;
}

interface GridTileProps {
  item: GridItem;
  index: number;
  column: number;
  active: boolean;
  /** The one tile Tab reaches (roving tabindex). */
  tabStop: boolean;
  size: number;
  onActivate: (index: number) => void;
  onOpen: (item: GridItem) => void;
}

/**
 * One square in the library grid: a folder, an image thumbnail, or a file with its extension.
 * Memoized: a scroll re-renders the grid, but a tile whose props are unchanged is left alone.
 */
export const GridTile = memo(function GridTile({
  item,
  index,
  column,
  active,
  tabStop,
  size,
  onActivate,
  onOpen,
}: GridTileProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = item.kind === 'folder' ? item.name : item.object.name;
  const hasThumbnail = item.kind === 'object' && item.object.isImage && item.object.thumbnailUrl;
  return (
    <div
      role="gridcell"
      aria-colindex={column + 1}
      aria-selected={active}
      tabIndex={tabStop ? 0 : -1}
      data-index={index}
      className={`tile${active ? ' is-active' : ''}`}
      title={name}
      onFocus={() => onActivate(index)}
      onClick={() => {
        onActivate(index);
        onOpen(item);
      }}
    >
      <div className="tile-visual" style={{ height: size }}>
        {item.kind === 'folder' ? (
          <span className="tile-glyph tile-folder">
            <Icon name="folder" size={Math.round(size / 2.6)} />
          </span>
        ) : hasThumbnail ? (
          <Thumbnail src={item.object.thumbnailUrl ?? ''} alt={name} />
        ) : (
          <span className="tile-glyph">
            <Icon name={item.object.isImage ? 'image' : 'file'} size={Math.round(size / 3)} />
            <span className="tile-ext">{extensionOf(name)}</span>
          </span>
        )}
      </div>
      <div className="tile-caption">
        <span className="tile-name" aria-hidden={hasThumbnail ? true : undefined}>
          {name}
        </span>
        <span className="tile-meta">
          {item.kind === 'folder' ? t('library.folder') : sizeLabel(item.object.size, locale)}
        </span>
      </div>
    </div>
  );
});

/** A grey tile shown where a page of the listing has not arrived yet. */
export function PlaceholderTile({ size }: { size: number }) {
  return (
    <div className="tile tile-placeholder" aria-hidden="true">
      <div className="tile-visual skeleton" style={{ height: size }} />
      <div className="tile-caption">
        <span className="skeleton skeleton-text" />
        <span className="skeleton skeleton-text skeleton-short" />
      </div>
    </div>
  );
}
