import { createHash, randomInt } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAwsContext } from '../context';
import type { UserState } from './model';

/** Why a code was "sent": the stand-in writes it to <dataDir>/codes.log instead of mailing it. */
export type CodePurpose = 'forgot-password' | 'sms-mfa' | 'temporary-password';

/**
 * Appends one JSON line {time, userPoolId, username, email?, phoneNumber?, purpose, code} to
 * <dataDir>/codes.log. The email and phone are where Cognito would have sent it; in a pool that
 * signs in by email they are also the only name the reader knows (the username is a UUID).
 */
export function recordDeliveredCode(
  ctx: LocalAwsContext,
  entry: { userPoolId: string; user: UserState; purpose: CodePurpose; code: string },
): void {
  const { user, userPoolId, purpose, code } = entry;
  const line = {
    time: new Date(ctx.now()).toISOString(),
    userPoolId,
    username: user.username,
    ...(user.email ? { email: user.email } : {}),
    ...(user.phoneNumber ? { phoneNumber: user.phoneNumber } : {}),
    purpose,
    code,
  };
  appendFileSync(join(ctx.dataDir, 'codes.log'), `${JSON.stringify(line)}\n`);
}

/** A six-digit code, as Cognito sends by email or SMS. */
export const newSixDigitCode = (): string => String(randomInt(1_000_000)).padStart(6, '0');

/** SHA-256 (hex) of a code, which is what state keeps. */
export const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/** "+*******1234", as Cognito shows a phone number it sent to. */
export const maskPhone = (phone: string): string =>
  `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`;

/** "d***@h***", as Cognito shows an email address it sent to. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
