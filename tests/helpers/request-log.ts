import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestLocalAws } from './local-aws';

/** The JSON lines of the stand-in's requests.log so far (none before the first request). */
export function loggedRequests<Line = Record<string, unknown>>(la: TestLocalAws): Line[] {
  let text: string;
  try {
    text = readFileSync(join(la.dataDir, 'requests.log'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}
