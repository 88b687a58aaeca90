import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferItemView } from '../../../src-main/contract/views';
import { Dialog } from '../../components/Dialog';
import { CommandButton } from '../../components/CommandButton';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useConflicts } from '../upload/conflicts';
import { UploadButtons } from '../upload/UploadButtons';
import { bulkFromCounts, type TransferAction } from './transfer-actions';
import { TransferRow } from './TransferRow';
import { TransfersOverview } from './TransfersOverview';
import { useTransfers } from './transfers-context';
import './transfers.css';

const NO_IDS: readonly string[] = [];

/** The upload queue: overall progress, bulk commands, and every item (virtualized). */
export function TransfersScreen() {
  const { t } = useTranslation();
  const { list, command, clearFinished } = useTransfers();
  const { reopen } = useConflicts();
  const [confirmCancelAll, setConfirmCancelAll] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const ids = list?.ids ?? NO_IDS;

  // TanStack Virtual keeps its own mutable state; we don't run the React Compiler, so this is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => ids[index] ?? index,
  });

  // One stable callback for every row, so a row re-renders only when its own item changes.
  const reopenLatest = useRef(reopen);
  useEffect(() => {
    reopenLatest.current = reopen;
  });
  const onAction = useCallback(
    (action: TransferAction, item: TransferItemView) => {
      if (action === 'resolve') reopenLatest.current(item.id);
      else command(`transfers.${action}`, [item.id]);
    },
    [command],
  );

  if (!list) {
    return (
      <div className="screen-message">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }

  const bulk = bulkFromCounts(list.counts);
  // Looked up on click only: the list may hold 10,000 items.
  const failedIds = () => ids.filter((id) => list.byId.get(id)?.state === 'failed');

  return (
    <div className="transfers">
      <header className="transfers-header">
        <div className="transfers-heading">
          <h1>{t('transfers.title')}</h1>
          <UploadButtons />
        </div>
        <TransfersOverview total={list.total} />
        <div className="transfers-bulk" role="toolbar" aria-label={t('transfers.bulkLabel')}>
          <CommandButton
            icon="pause"
            label={t('transfers.pauseAll')}
            disabled={!bulk.canPause}
            onClick={() => command('transfers.pause')}
          />
          <CommandButton
            icon="play"
            label={t('transfers.resumeAll')}
            disabled={!bulk.canResume}
            onClick={() => command('transfers.resume')}
          />
          <CommandButton
            icon="retry"
            label={t('transfers.retryFailed')}
            disabled={!bulk.canRetry}
            onClick={() => command('transfers.retry', failedIds())}
          />
          <CommandButton
            icon="close"
            label={t('transfers.cancelAll')}
            disabled={!bulk.canCancel}
            onClick={() => setConfirmCancelAll(true)}
          />
          <button
            type="button"
            className="button button-quiet"
            disabled={!bulk.canClear}
            onClick={clearFinished}
          >
            {t('transfers.clearFinished')}
          </button>
        </div>
      </header>
      {ids.length === 0 ? (
        <div className="empty">
          <Icon name="transfers" size={40} />
          <p>{t('transfers.empty')}</p>
          <p className="muted">{t('transfers.emptyHint')}</p>
        </div>
      ) : (
        <div ref={scroller} className="transfers-list">
          <div
            role="list"
            aria-label={t('transfers.listLabel')}
            className="transfers-canvas"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const item = list.byId.get(ids[row.index] ?? '');
              if (!item) return null;
              return (
                <div
                  key={row.key}
                  role="listitem"
                  // Only visible rows exist: tell assistive technology where each sits in the whole list.
                  aria-setsize={ids.length}
                  aria-posinset={row.index + 1}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className="transfers-item"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <TransferRow item={item} onAction={onAction} />
                </div>
              );
            })}
          </div>
        </div>
      )}
      {confirmCancelAll && (
        <Dialog
          title={t('transfers.cancelAllTitle')}
          role="alertdialog"
          onClose={() => setConfirmCancelAll(false)}
        >
          <p className="muted">{t('transfers.cancelAllBody')}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              data-autofocus
              onClick={() => setConfirmCancelAll(false)}
            >
              {t('transfers.keepUploading')}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setConfirmCancelAll(false);
                command('transfers.cancel');
              }}
            >
              {t('transfers.cancelAllConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
