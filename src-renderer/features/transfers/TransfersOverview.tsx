import { useTranslation } from 'react-i18next';
import type { TransfersTotal } from '../../../src-main/contract/views';
import { useLocale } from '../../app/settings-context';
import { ProgressBar } from '../../components/ProgressBar';
import {
  countOptions,
  formatBytes,
  formatDuration,
  formatPercent,
  formatSpeed,
} from '../../i18n/format';

/** Progress of the whole queue: one bar, how much of how much, speed, time left and counts. */
export function TransfersOverview({ total }: { total: TransfersTotal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = formatPercent(total.sentBytes, total.size, locale);
  const amounts = t('transfers.amounts', {
    sent: formatBytes(total.sentBytes, locale),
    total: formatBytes(total.size, locale),
  });
  return (
    <div className="transfers-overview">
      <div className="transfers-overview-line">
        <strong>{percent}</strong>
        <span className="muted">{amounts}</span>
        {total.active > 0 && total.speed !== undefined && (
          <span className="muted">{formatSpeed(total.speed, locale)}</span>
        )}
        {total.active > 0 && total.etaSeconds !== undefined && (
          <span className="muted">
            {t('transfers.timeLeft', { time: formatDuration(total.etaSeconds, locale) })}
          </span>
        )}
        <span className="transfers-counts">
          {total.active > 0 && (
            <span className="badge badge-accent">
              {t('transfers.countActive', countOptions(total.active, locale))}
            </span>
          )}
          <span className="badge badge-success">
            {t('transfers.countCompleted', countOptions(total.completed, locale))}
          </span>
          {total.failed > 0 && (
            <span className="badge badge-danger">
              {t('transfers.countFailed', countOptions(total.failed, locale))}
            </span>
          )}
        </span>
      </div>
      <ProgressBar
        value={total.sentBytes}
        max={total.size}
        label={t('transfers.overall')}
        valueText={`${percent} — ${amounts}`}
        size="large"
        tone={total.failed > 0 && total.active === 0 ? 'failed' : 'active'}
      />
    </div>
  );
}
