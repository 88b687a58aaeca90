import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferItemView } from '../../../src-main/contract/views';
import { useLocale } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon, type IconName } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { ProgressBar } from '../../components/ProgressBar';
import { errorText } from '../../i18n/errors';
import { formatBytes, formatDuration, formatPercent, formatSpeed } from '../../i18n/format';
import { useBrowse } from '../library/browse-context';
import { relativeKey } from '../library/library-paths';
import { actionsFor, progressTone, type TransferAction } from './transfer-actions';

const ACTION_ICONS: Record<TransferAction, IconName> = {
  pause: 'pause',
  resume: 'play',
  cancel: 'close',
  retry: 'retry',
  resolve: 'warning',
};

const STATE_BADGES: Record<TransferItemView['state'], string> = {
  queued: 'badge',
  uploading: 'badge badge-accent',
  paused: 'badge',
  conflict: 'badge badge-warning',
  completed: 'badge badge-success',
  skipped: 'badge',
  failed: 'badge badge-danger',
  cancelled: 'badge',
};

/**
 * One upload: name, where it goes, progress with speed and time left, and what can be done.
 * Memoized: the store keeps an unchanged item's object, so only rows whose item changed render.
 */
export const TransferRow = memo(function TransferRow({
  item,
  onAction,
}: {
  item: TransferItemView;
  onAction: (action: TransferAction, item: TransferItemView) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const percent = formatPercent(item.sentBytes, item.size, locale);
  const amounts = t('transfers.amounts', {
    sent: formatBytes(item.sentBytes, locale),
    total: formatBytes(item.size, locale),
  });
  const live = item.state === 'uploading';
  // Where it goes as the library shows it ("trip/a.jpg"), not behind the identity ID prefix.
  const prefix = useBrowse().locations?.find((l) => l.name === item.location)?.prefix ?? '';
  const shownKey = relativeKey(item.key, prefix);
  return (
    <div className="transfer-row">
      <div className="transfer-head">
        <span className="transfer-name" title={item.name}>
          {item.name}
        </span>
        <span className={STATE_BADGES[item.state]}>{t(`transfers.state.${item.state}`)}</span>
        <div className="transfer-actions">
          {actionsFor(item.state).map((action) => (
            <IconButton
              key={action}
              icon={ACTION_ICONS[action]}
              label={t(`transfers.action.${action}`, { name: item.name })}
              size={16}
              onClick={() => onAction(action, item)}
            />
          ))}
        </div>
      </div>
      <div className="transfer-where muted" title={`${item.location}: ${item.key}`}>
        {item.location} · <span className="mono">{shownKey}</span>
      </div>
      <ProgressBar
        value={item.sentBytes}
        max={item.size}
        label={item.name}
        valueText={`${percent} — ${amounts}`}
        tone={progressTone(item.state)}
      />
      <div className="transfer-stats muted">
        <span>{amounts}</span>
        <span>{percent}</span>
        {live && item.speed !== undefined && <span>{formatSpeed(item.speed, locale)}</span>}
        {live && item.etaSeconds !== undefined && (
          <span>{t('transfers.timeLeft', { time: formatDuration(item.etaSeconds, locale) })}</span>
        )}
      </div>
      {item.error && item.state === 'failed' && (
        <ErrorAlert
          className="transfer-error"
          quiet
          error={t('transfers.failedBecause', { reason: errorText(i18n, item.error) })}
        />
      )}
      {item.notice && (
        <p className="transfer-notice">
          <Icon name="info" size={14} />
          {errorText(i18n, item.notice)}
        </p>
      )}
    </div>
  );
});
