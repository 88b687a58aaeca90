import { useCallback } from 'react';
import type { SessionView } from '../../../src-main/contract/views';
import { useAction } from '../../components/use-action';

/**
 * Runs a session request and hands the resulting session to the screen. Failures arrive either as
 * a rejected invoke (shown from the action) or as `error` on the returned session (shown from it).
 */
export function useSessionAction<A extends unknown[]>(
  request: (...args: A) => Promise<SessionView>,
  onSession: (session: SessionView) => void,
) {
  const perform = useCallback(
    async (...args: A) => {
      const session = await request(...args);
      onSession(session);
      return session;
    },
    [request, onSession],
  );
  return useAction(perform);
}
