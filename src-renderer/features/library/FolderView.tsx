import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationView } from '../../../src-main/contract/views';
import { useApi, useHakobuEvent } from '../../app/api-context';
import { useOnReconnect } from '../../app/connection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { UploadButtons } from '../upload/UploadButtons';
import { Breadcrumbs } from './Breadcrumbs';
import { DeleteDialog } from './DeleteDialog';
import { DetailsPanel } from './DetailsPanel';
import { gridItems, type GridItem } from './grid-items';
import { appearsIn, relativeKey } from './library-paths';
import { Lightbox } from './Lightbox';
import { ListingStore } from './listing-store';
import { ThumbnailGrid } from './ThumbnailGrid';
import { useObjectActions } from './use-object-actions';

/** Uploads finishing in a burst cause one re-list, not one per file. */
const REFRESH_DEBOUNCE_MS = 400;

/** One folder of one location: toolbar, grid, details, lightbox. Mounted afresh per folder. */
export function FolderView({
  location,
  path,
  onOpenFolder,
}: {
  location: LocationView;
  path: string;
  onOpenFolder: (path: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const store = useMemo(
    () =>
      new ListingStore((nextToken) =>
        api.invoke('library.list', { location: location.name, path, nextToken }),
      ),
    [api, location.name, path],
  );
  const listing = useSyncExternalStore(store.subscribe, store.getSnapshot);
  // Null until the user picks a tile; the first tile still takes Tab.
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [lightboxKey, setLightboxKey] = useState<string | null>(null);
  const [showDetails, setShowDetails] = useState(true);
  const actions = useObjectActions(location, store);

  const loadMore = useCallback(() => void store.loadMore(), [store]);
  useEffect(loadMore, [loadMore]);
  useOnReconnect(() => void store.refresh());

  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);
  useHakobuEvent('library.objectAdded', (added) => {
    if (added.location !== location.name) return;
    if (!appearsIn(relativeKey(added.key, location.prefix), path)) return;
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void store.refresh(), REFRESH_DEBOUNCE_MS);
  });

  const items = useMemo(
    () => gridItems(path, listing.folders, listing.objects),
    [path, listing.folders, listing.objects],
  );
  const images = useMemo(() => listing.objects.filter((o) => o.isImage), [listing.objects]);
  const lightboxIndex = images.findIndex((image) => image.key === lightboxKey);
  const active = activeIndex === null ? undefined : items[Math.min(activeIndex, items.length - 1)];
  const pendingRows = !listing.loaded ? 3 : listing.hasMore && !listing.error ? 2 : 0;
  const onDelete = actions.canDelete ? actions.requestDelete : undefined;

  const open = (item: GridItem) => {
    if (item.kind === 'folder') onOpenFolder(item.path);
    else if (item.object.isImage) setLightboxKey(item.object.key);
  };

  return (
    <div className="folder">
      <div className="folder-main">
        <div className="toolbar">
          <Breadcrumbs locationName={location.name} path={path} onOpen={onOpenFolder} />
          <div className="toolbar-actions">
            {location.access === 'readwrite' && <UploadButtons />}
            <IconButton
              icon="retry"
              label={t('library.refresh')}
              onClick={() => void store.refresh()}
            />
            <IconButton
              icon="details"
              label={t('library.details')}
              pressed={showDetails}
              onClick={() => setShowDetails((shown) => !shown)}
            />
          </div>
        </div>
        {listing.error && (
          <div className="folder-error">
            <ErrorAlert error={listing.error} />
            <button type="button" className="button" onClick={() => void store.retry()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {listing.loaded && items.length === 0 && !listing.error ? (
          <div className="empty">
            <Icon name="folder" size={40} />
            <p>{t('library.empty')}</p>
            {location.access === 'readwrite' && <p className="muted">{t('library.emptyHint')}</p>}
          </div>
        ) : (
          <ThumbnailGrid
            label={t('library.gridLabel', { folder: path || location.name })}
            items={items}
            pendingRows={pendingRows}
            activeIndex={
              activeIndex === null ? null : Math.min(activeIndex, Math.max(0, items.length - 1))
            }
            onActivate={setActiveIndex}
            onOpen={open}
            onNearEnd={loadMore}
            onDeleteKey={
              onDelete ? (item) => item.kind === 'object' && onDelete(item.object) : undefined
            }
          />
        )}
      </div>
      {showDetails && (
        <DetailsPanel
          location={location}
          path={path}
          item={active}
          onDownload={(object) => void actions.download(object)}
          onDelete={onDelete}
        />
      )}
      {lightboxIndex >= 0 && (
        <Lightbox
          images={images}
          index={lightboxIndex}
          onIndexChange={(index) => {
            const image = images[index];
            if (!image) return;
            setLightboxKey(image.key);
            setActiveIndex(items.findIndex((item) => item.id === `object:${image.key}`));
            if (index >= images.length - 3) void store.loadMore();
          }}
          onClose={() => setLightboxKey(null)}
          onDownload={(object) => void actions.download(object)}
          onDelete={onDelete}
        />
      )}
      {actions.pendingDelete && (
        <DeleteDialog
          name={actions.pendingDelete.name}
          busy={actions.deleting}
          onCancel={actions.cancelDelete}
          onConfirm={async () => {
            const key = actions.pendingDelete?.key;
            const deleted = await actions.confirmDelete();
            if (deleted && key === lightboxKey) {
              const next = images[lightboxIndex + 1] ?? images[lightboxIndex - 1];
              setLightboxKey(next && next.key !== key ? next.key : null);
            }
          }}
        />
      )}
    </div>
  );
}
