import { useCallback, useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { HakobuApi } from '../../src-main/contract/api';
import { hasConnectionStatus, type ConnectionState } from '../bridge/connection';
import { Spinner } from '../components/Spinner';
import { useApi } from './api-context';

/** The transport's connection state ('open' for Electron IPC, which cannot drop). */
export function useConnectionState(): ConnectionState {
  const api: HakobuApi = useApi();
  const subscribe = useCallback(
    (onChange: () => void) =>
      hasConnectionStatus(api) ? api.onConnectionChange(onChange) : () => {},
    [api],
  );
  return useSyncExternalStore(subscribe, () =>
    hasConnectionStatus(api) ? api.connectionState() : 'open',
  );
}

/** Runs `reload` each time a dropped connection comes back, since events were missed meanwhile. */
export function useOnReconnect(reload: () => void): void {
  const api = useApi();
  const onReconnect = useEffectEvent(reload);
  useEffect(() => {
    if (!hasConnectionStatus(api)) return undefined;
    let lost = api.connectionState() === 'lost';
    return api.onConnectionChange((state) => {
      if (state === 'lost') lost = true;
      else if (state === 'open' && lost) {
        lost = false;
        onReconnect();
      }
    });
  }, [api]);
}

/** A banner while the harness connection is down; it reconnects by itself. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  if (useConnectionState() !== 'lost') return null;
  return (
    <div className="connection-banner" role="status">
      <Spinner />
      {t('connection.reconnecting')}
    </div>
  );
}
