import type { LocationView } from '../../../src-main/contract/views';

/** Where new uploads go: the location on screen when it is writable, else the first writable one. */
export function uploadTarget(
  locations: readonly LocationView[] | null,
  current: LocationView | undefined,
): LocationView | undefined {
  if (current?.access === 'readwrite') return current;
  return locations?.find((l) => l.access === 'readwrite');
}
