import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { LocationView, UserError } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { useOnReconnect } from '../../app/connection';
import { toUserError } from '../../i18n/errors';

interface BrowseState {
  /** Null until main has answered. */
  locations: LocationView[] | null;
  error: UserError | null;
  /** The location shown in the library (the first one until the user picks another). */
  location: LocationView | undefined;
  /** The folder shown, relative to the location's prefix. */
  path: string;
  open: (location: string, path?: string) => void;
  reload: () => void;
}

const BrowseContext = createContext<BrowseState | null>(null);

/** Which location and folder the user is looking at; kept above the screens so it survives tab changes. */
export function BrowseProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [locations, setLocations] = useState<LocationView[] | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [place, setPlace] = useState<{ location?: string; path: string }>({ path: '' });

  const reload = useCallback(() => {
    api.invoke('library.locations').then(
      (found) => {
        setLocations(found);
        setError(null);
      },
      (caught: unknown) => setError(toUserError(caught)),
    );
  }, [api]);
  useEffect(reload, [reload]);
  useOnReconnect(reload);

  const open = useCallback((location: string, path = '') => setPlace({ location, path }), []);
  const location = locations?.find((l) => l.name === place.location) ?? locations?.[0];
  const path = location?.name === place.location ? place.path : '';

  return (
    <BrowseContext value={{ locations, error, location, path, open, reload }}>
      {children}
    </BrowseContext>
  );
}

/** The library's current location and folder, and how to move between them. */
export function useBrowse(): BrowseState {
  const state = useContext(BrowseContext);
  if (!state) throw new Error('useBrowse outside BrowseProvider');
  return state;
}
