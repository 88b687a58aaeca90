import { createContext, useContext, useEffect, useEffectEvent, type ReactNode } from 'react';
import type { HakobuApi } from '../../src-main/contract/api';
import type { EventChannels, EventName } from '../../src-main/contract/channels';

const ApiContext = createContext<HakobuApi | null>(null);

/** Makes the window's HakobuApi available to every screen. */
export function ApiProvider({ api, children }: { api: HakobuApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

/** The HakobuApi of this window (Electron's preload bridge or the harness socket). */
export function useApi(): HakobuApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** Listens to a push event from main for as long as the component is mounted. */
export function useHakobuEvent<E extends EventName>(
  event: E,
  listener: (payload: EventChannels[E]) => void,
): void {
  const api = useApi();
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.on(event, (payload) => onEvent(payload)), [api, event]);
}
