import { useCallback, useEffect, useState } from 'react';
import type { SessionView, UserError } from '../../src-main/contract/views';
import { toUserError } from '../i18n/errors';
import { useApi, useHakobuEvent } from './api-context';
import { useOnReconnect } from './connection';

/** The session as main reports it, kept current by 'session.changed'; null until first known. */
export function useSession(): {
  session: SessionView | null;
  loadError: UserError | null;
  setSession: (session: SessionView) => void;
  reload: () => void;
} {
  const api = useApi();
  const [session, setSession] = useState<SessionView | null>(null);
  const [loadError, setLoadError] = useState<UserError | null>(null);
  const reload = useCallback(() => {
    api.invoke('session.get').then(
      (next) => {
        setSession(next);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(toUserError(error)),
    );
  }, [api]);
  useEffect(reload, [reload]);
  useOnReconnect(reload);
  useHakobuEvent('session.changed', setSession);
  return { session, loadError, setSession, reload };
}
