export const routes = ['library', 'transfers', 'settings', 'diagnostics'] as const;
export type Route = (typeof routes)[number];

/** The screen a hash names ("#/transfers" → "transfers"); the library for anything else. */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'library';
}
