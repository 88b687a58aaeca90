import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TransfersSnapshot } from '../../../src-main/contract/views';
import { useApi, useHakobuEvent } from '../../app/api-context';
import { useOnReconnect } from '../../app/connection';
import { useToast } from '../../components/Toasts';
import { errorText, toUserError } from '../../i18n/errors';

type ItemCommand = 'transfers.pause' | 'transfers.resume' | 'transfers.cancel' | 'transfers.retry';

interface TransfersState {
  /** Null until main has answered. */
  snapshot: TransfersSnapshot | null;
  /** Takes a snapshot that a request returned, so the UI does not wait for the next event. */
  apply: (snapshot: TransfersSnapshot) => void;
  /** Pauses, resumes, cancels or retries the given items (all of them when ids is undefined). */
  command: (command: ItemCommand, ids?: string[]) => void;
  clearFinished: () => void;
}

const TransfersContext = createContext<TransfersState | null>(null);

/** The upload queue as main reports it ('transfers.changed'), shared by the panel and the header. */
export function TransfersProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const notify = useToast();
  const [snapshot, setSnapshot] = useState<TransfersSnapshot | null>(null);

  const load = useCallback(() => {
    api.invoke('transfers.snapshot').then(setSnapshot, () => {});
  }, [api]);
  useEffect(load, [load]);
  useOnReconnect(load);
  useHakobuEvent('transfers.changed', setSnapshot);

  const report = useCallback(
    (error: unknown) => notify('error', errorText(i18n, toUserError(error))),
    [notify, i18n],
  );
  const command = useCallback(
    (name: ItemCommand, ids?: string[]) => {
      api.invoke(name, { ids }).then(setSnapshot, report);
    },
    [api, report],
  );
  const clearFinished = useCallback(() => {
    api.invoke('transfers.clearFinished').then(setSnapshot, report);
  }, [api, report]);

  const value = useMemo(
    () => ({ snapshot, apply: setSnapshot, command, clearFinished }),
    [snapshot, command, clearFinished],
  );
  return <TransfersContext value={value}>{children}</TransfersContext>;
}

/** The transfer queue and the commands that act on it. */
export function useTransfers(): TransfersState {
  const state = useContext(TransfersContext);
  if (!state) throw new Error('useTransfers outside TransfersProvider');
  return state;
}
