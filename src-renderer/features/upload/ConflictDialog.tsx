import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, TransfersSnapshot } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { useLocale } from '../../app/settings-context';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon, type IconName } from '../../components/Icon';
import { useAction } from '../../components/use-action';
import { formatBytes, formatDateTime } from '../../i18n/format';
import type { PendingConflict } from './conflict-queue';

const CHOICES: { choice: ConflictChoice; icon: IconName }[] = [
  { choice: 'overwrite', icon: 'upload' },
  { choice: 'rename', icon: 'file' },
  { choice: 'skip', icon: 'skip' },
];

/** "A file named … already exists": replace it, keep both, or skip — for this file or all of them. */
export function ConflictDialog({
  conflict,
  others,
  onDefer,
  onResolved,
}: {
  conflict: PendingConflict;
  /** How many more conflicts wait after this one. */
  others: number;
  /** Esc: decide later (the item waits in the transfers list). */
  onDefer: () => void;
  onResolved: (snapshot: TransfersSnapshot, applyToAll: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const [applyToAll, setApplyToAll] = useState(false);
  const resolve = useAction(async (choice: ConflictChoice) => {
    const next = await api.invoke('transfers.resolveConflict', {
      itemId: conflict.itemId,
      choice,
      applyToAll,
    });
    onResolved(next, applyToAll);
  });
  const name = conflict.key.split('/').pop() ?? conflict.key;

  return (
    <Dialog title={t('conflict.title', { name })} onClose={onDefer} dismissOnBackdrop={false}>
      <p className="conflict-facts">
        {conflict.existing
          ? t('conflict.existing', {
              location: conflict.location,
              size: formatBytes(conflict.existing.size, locale),
              date: formatDateTime(conflict.existing.lastModified, locale),
            })
          : t('conflict.existingUnknown', { location: conflict.location })}
        <code className="mono conflict-key">{conflict.key}</code>
      </p>
      {resolve.error && <ErrorAlert error={resolve.error} />}
      <div className="conflict-choices">
        {CHOICES.map(({ choice, icon }, i) => (
          <button
            key={choice}
            type="button"
            className="conflict-choice"
            disabled={resolve.busy}
            data-autofocus={i === 0 ? true : undefined}
            onClick={() => void resolve.run(choice)}
          >
            <Icon name={icon} />
            <div>
              <strong>{t(`conflict.${choice}`)}</strong>
              <span>{t(`conflict.${choice}Hint`)}</span>
            </div>
          </button>
        ))}
      </div>
      <div className="conflict-footer">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={applyToAll}
            onChange={(event) => setApplyToAll(event.target.checked)}
          />
          {others > 0 ? t('conflict.applyToAllCount', { count: others }) : t('conflict.applyToAll')}
        </label>
        <button type="button" className="button button-quiet" onClick={onDefer}>
          {t('conflict.later')}
        </button>
      </div>
    </Dialog>
  );
}
