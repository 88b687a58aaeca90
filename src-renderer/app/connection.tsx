import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasConnectionStatus } from '../bridge/connection';
import { Spinner } from '../components/Spinner';
import { useApi } from './api-context';

/** Whether the transport is connected (always true in Electron). */
export function useConnected(): boolean {
  const api = useApi();
  const [connected, setConnected] = useState(() =>
    hasConnectionStatus(api) ? api.connected() : true,
  );
  useEffect(
    () => (hasConnectionStatus(api) ? api.onConnectionChange(setConnected) : undefined),
    [api],
  );
  return connected;
}

/** Runs `reload` each time a dropped connection comes back, since events were missed meanwhile. */
export function useOnReconnect(reload: () => void): void {
  const api = useApi();
  const onReconnect = useEffectEvent(reload);
  useEffect(() => {
    if (!hasConnectionStatus(api)) return undefined;
    return api.onConnectionChange((connected) => {
      if (connected) onReconnect();
    });
  }, [api]);
}

/** A banner while the harness connection is down; it reconnects by itself. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connected = useConnected();
  if (connected) return null;
  return (
    <div className="connection-banner" role="status">
      <Spinner />
      {t('connection.reconnecting')}
    </div>
  );
}
