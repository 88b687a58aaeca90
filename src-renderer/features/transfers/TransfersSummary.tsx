import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/settings-context';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { countOptions, formatDuration, formatPercent } from '../../i18n/format';
import { useTransfers } from './transfers-context';

/** The header's glance at the queue while uploads run; opens the transfers screen. */
export function TransfersSummary({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { snapshot } = useTransfers();
  if (!snapshot || (snapshot.total.active === 0 && snapshot.total.failed === 0)) return null;
  const { total } = snapshot;
  const percent = formatPercent(total.sentBytes, total.size, locale);
  const line =
    total.active > 0
      ? t('transfers.summaryActive', { ...countOptions(total.active, locale), percent })
      : t('transfers.countFailed', countOptions(total.failed, locale));
  return (
    <button type="button" className="transfers-summary" onClick={onOpen}>
      <Icon name={total.active > 0 ? 'upload' : 'warning'} />
      <span className="transfers-summary-text">
        <span>
          {line}
          {total.active > 0 && total.etaSeconds !== undefined
            ? ` · ${t('transfers.timeLeft', { time: formatDuration(total.etaSeconds, locale) })}`
            : ''}
        </span>
        <ProgressBar
          value={total.sentBytes}
          max={total.size}
          label={t('transfers.overall')}
          valueText={percent}
          tone={total.active > 0 ? 'active' : 'failed'}
        />
      </span>
    </button>
  );
}
