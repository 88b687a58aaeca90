import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestLocalAws } from './local-aws';

/** One line of <dataDir>/codes.log: a code the stand-in "sent" by email or SMS. */
export interface DeliveredCode {
  time: string;
  userPoolId: string;
  username: string;
  /** Where it went; in a pool that signs in by email, the name the user knows (not the UUID). */
  email?: string;
  phoneNumber?: string;
  purpose: 'forgot-password' | 'sms-mfa' | 'temporary-password';
  code: string;
}

/** Every code the stand-in has sent so far, oldest first. */
export function deliveredCodes(la: TestLocalAws): DeliveredCode[] {
  const path = join(la.dataDir, 'codes.log');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DeliveredCode);
}

/** The latest code sent to a user (by username, email or phone) for a purpose; fails when none. */
export function latestCode(
  la: TestLocalAws,
  username: string,
  purpose: DeliveredCode['purpose'],
): string {
  const isFor = (c: DeliveredCode) => [c.username, c.email, c.phoneNumber].includes(username);
  const match = deliveredCodes(la)
    .filter((c) => isFor(c) && c.purpose === purpose)
    .at(-1);
  if (!match) throw new Error(`no ${purpose} code was sent to ${username}`);
  return match.code;
}
