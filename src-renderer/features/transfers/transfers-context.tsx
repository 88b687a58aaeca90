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
import type { TransfersDelta, TransfersSnapshot } from '../../../src-main/contract/views';
import { useApi, useHakobuEvent } from '../../app/api-context';
import { useOnReconnect } from '../../app/connection';
import { useToast } from '../../components/Toasts';
import { errorText, toUserError } from '../../i18n/errors';
import { TransferStore, type TransfersView } from './transfer-store';

type ItemCommand = 'transfers.pause' | 'transfers.resume' | 'transfers.cancel' | 'transfers.retry';

interface TransfersState {
  /** The list, normalized (items by id, in order); null until main has answered. */
  list: TransfersView | null;
  /** The same as a whole snapshot (its items are built on first read: prefer `list` in loops). */
  snapshot: TransfersSnapshot | null;
  /** Takes a snapshot that a request returned, so the UI does not wait for the next event. */
  apply: (snapshot: TransfersSnapshot) => void;
  /** Pauses, resumes, cancels or retries the given items (all of them when ids is undefined). */
  command: (command: ItemCommand, ids?: string[]) => void;
  clearFinished: () => void;
}

const TransfersContext = createContext<TransfersState | null>(null);

/**
 * The upload queue as main reports it: 'transfers.changed' deltas applied to a normalized store,
 * and a snapshot whenever a delta shows that events were missed. Shared by the panel and the header.
 */
export function TransfersProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const notify = useToast();
  const [store] = useState(() => new TransferStore());
  const [list, setList] = useState<TransfersView | null>(null);

  const resync = useCallback(() => {
    const fetchSnapshot = (): void => {
      api.invoke('transfers.snapshot').then(
        (snapshot) => {
          // Deltas kept meanwhile may still leave a gap: then ask once more.
          if (store.reset(snapshot) === 'resync') fetchSnapshot();
          setList(store.current());
        },
        () => store.resyncFailed(),
      );
    };
    fetchSnapshot();
  }, [api, store]);
  const load = useCallback(() => {
    if (store.beginResync() === 'resync') resync();
  }, [store, resync]);
  useEffect(load, [load]);
  useOnReconnect(load);
  useHakobuEvent('transfers.changed', (delta: TransfersDelta) => {
    if (store.applyDelta(delta) === 'resync') resync();
    setList(store.current());
  });

  const apply = useCallback(
    (snapshot: TransfersSnapshot) => {
      store.offer(snapshot);
      setList(store.current());
    },
    [store],
  );
  const report = useCallback(
    (error: unknown) => notify('error', errorText(i18n, toUserError(error))),
    [notify, i18n],
  );
  const command = useCallback(
    (name: ItemCommand, ids?: string[]) => {
      api.invoke(name, { ids }).then(apply, report);
    },
    [api, apply, report],
  );
  const clearFinished = useCallback(() => {
    api.invoke('transfers.clearFinished').then(apply, report);
  }, [api, apply, report]);

  const value = useMemo(
    () => ({ list, snapshot: list?.snapshot ?? null, apply, command, clearFinished }),
    [list, apply, command, clearFinished],
  );
  return <TransfersContext value={value}>{children}</TransfersContext>;
}

/** The transfer queue and the commands that act on it. */
export function useTransfers(): TransfersState {
  const state = useContext(TransfersContext);
  if (!state) throw new Error('useTransfers outside TransfersProvider');
  return state;
}
