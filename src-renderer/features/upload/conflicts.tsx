import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ConflictPrompt } from '../../../src-main/contract/views';
import { useHakobuEvent } from '../../app/api-context';
import { useTransfers } from '../transfers/transfers-context';
import { ConflictDialog } from './ConflictDialog';
import { pendingConflicts } from './conflict-queue';

interface ConflictsState {
  /** Shows the dialog again for a conflict the user put off with Esc. */
  reopen: (itemId: string) => void;
}

const ConflictsContext = createContext<ConflictsState>({ reopen: () => {} });

/** Asks about name conflicts one at a time, as main reports them ('transfers.conflict'). */
export function ConflictsProvider({ children }: { children: ReactNode }) {
  const { snapshot, apply } = useTransfers();
  const [prompts, setPrompts] = useState<ConflictPrompt[]>([]);
  const [deferred, setDeferred] = useState<ReadonlySet<string>>(new Set());
  useHakobuEvent('transfers.conflict', (prompt) =>
    setPrompts((list) => [...list.filter((p) => p.itemId !== prompt.itemId), prompt]),
  );

  const waiting = pendingConflicts(prompts, snapshot);
  const current = waiting.find((conflict) => !deferred.has(conflict.itemId));
  const reopen = (itemId: string) =>
    setDeferred((ids) => new Set([...ids].filter((id) => id !== itemId)));

  return (
    <ConflictsContext value={{ reopen }}>
      {children}
      {current && (
        <ConflictDialog
          key={current.itemId}
          conflict={current}
          others={waiting.length - 1}
          onDefer={() => setDeferred((ids) => new Set([...ids, current.itemId]))}
          onResolved={(next, applyToAll) => {
            apply(next);
            setPrompts((list) =>
              applyToAll ? [] : list.filter((p) => p.itemId !== current.itemId),
            );
          }}
        />
      )}
    </ConflictsContext>
  );
}

/** Lets the transfers list reopen a conflict the user put off. */
export function useConflicts(): ConflictsState {
  return useContext(ConflictsContext);
}
