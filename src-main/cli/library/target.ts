import type { LocationView } from '../../contract/views';
import { failure } from '../runtime/exit';

/** A place in a location: `photos:2024/trip/` → the location and the path below its prefix. */
export interface Target {
  location: LocationView;
  /** Relative to the location's prefix, without a leading "/". */
  path: string;
}

function names(locations: readonly LocationView[]): string {
  return locations.map((l) => l.name).join(', ');
}

/**
 * Reads `location:path`, `location`, or a bare `path` (in the first location). A path may also
 * be given as the full key, prefix included, as `ls --json` and S3 tools print it.
 */
export function parseTarget(text: string | undefined, locations: readonly LocationView[]): Target {
  const first = locations[0];
  if (!first) throw failure('cli.noLocations', 'The configuration has no locations.');
  if (text === undefined || text === '') return { location: first, path: '' };
  const colon = text.indexOf(':');
  const named = colon >= 0 ? locations.find((l) => l.name === text.slice(0, colon)) : undefined;
  let location: LocationView;
  let path: string;
  if (named) {
    location = named;
    path = text.slice(colon + 1);
  } else if (locations.some((l) => l.name === text)) {
    location = locations.find((l) => l.name === text) ?? first;
    path = '';
  } else if (colon > 0 && !text.slice(0, colon).includes('/') && !text.startsWith(first.prefix)) {
    throw failure(
      'cli.unknownLocation',
      `There is no location named "${text.slice(0, colon)}". Locations: ${names(locations)}.`,
      { location: text.slice(0, colon) },
    );
  } else {
    location = first;
    path = text;
  }
  path = path.replace(/^\/+/, '');
  if (location.prefix && path.startsWith(location.prefix))
    path = path.slice(location.prefix.length);
  return { location, path };
}
