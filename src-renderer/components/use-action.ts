import { useCallback, useState } from 'react';
import type { UserError } from '../../src-main/contract/views';
import { toUserError } from '../i18n/errors';

/** State of an action the user started: whether it runs, and how it failed. */
export interface ActionState<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  error: UserError | null;
  clearError: () => void;
}

/** Wraps an async action so the UI can disable its button while it runs and show its error. */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): ActionState<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError(toUserError(caught));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
