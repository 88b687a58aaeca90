import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, UserError } from '../../src-main/contract/views';
import { ErrorAlert } from '../components/ErrorAlert';
import { CommandButton } from '../components/CommandButton';
import { Icon } from '../components/Icon';
import { useAction } from '../components/use-action';
import { useApi } from './api-context';

/**
 * Shown instead of the library and transfers when the user signed in but the Identity Pool gave no
 * storage access: what AWS refused, in words IT can act on, and the ways forward.
 */
export function StorageUnavailable({
  error,
  onSession,
  onOpenDiagnostics,
}: {
  error: UserError;
  onSession: (session: SessionView) => void;
  onOpenDiagnostics: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  // Asking for the session again makes main try the Identity Pool once more.
  const retry = useAction(
    useCallback(async () => onSession(await api.invoke('session.get')), [api, onSession]),
  );
  return (
    <div className="screen-message storage-unavailable">
      <Icon name="lock" size={40} />
      <h1>{t('storage.unavailableTitle')}</h1>
      <p className="muted">{t('storage.unavailableLead')}</p>
      <ErrorAlert error={retry.error ?? error} />
      <div className="storage-unavailable-actions">
        <CommandButton
          icon="details"
          label={t('storage.runDiagnostics')}
          tone="primary"
          disabled={retry.busy}
          onClick={onOpenDiagnostics}
        />
        <CommandButton
          icon="retry"
          label={t('common.retry')}
          disabled={retry.busy}
          onClick={() => void retry.run()}
        />
      </div>
      <p className="muted">{t('storage.unavailableHint')}</p>
    </div>
  );
}
