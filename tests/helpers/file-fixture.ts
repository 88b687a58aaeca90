import { afterAll, beforeAll } from 'vitest';

/**
 * Sets something up before a test file's tests and tears it down after them. The returned function
 * reads it, and throws if called outside the tests (before beforeAll has run).
 */
export function useFileFixture<T>(start: () => Promise<T>, stop: (value: T) => unknown): () => T {
  let value: { current: T } | undefined;
  beforeAll(async () => {
    value = { current: await start() };
  });
  afterAll(async () => {
    if (value) await stop(value.current);
  });
  return () => {
    if (!value) throw new Error('this fixture is only there inside the tests');
    return value.current;
  };
}
