import { timingSafeEqual } from 'node:crypto';
import { hmacSha256, srpPoolName } from './group';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP =
  /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) (\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2}) (UTC|GMT) (\d{4})$/;

/** Parses the claim's "EEE MMM d HH:mm:ss z yyyy" timestamp (English, UTC); undefined if malformed. */
export function parseClaimTimestamp(text: string): Date | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, weekday, month, day, hh, mm, ss, , year] = m;
  const monthIndex = MONTHS.indexOf(month ?? '');
  if (!WEEKDAYS.includes(weekday ?? '') || monthIndex < 0) return undefined;
  const date = new Date(
    Date.UTC(Number(year), monthIndex, Number(day), Number(hh), Number(mm), Number(ss)),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Checks PASSWORD_CLAIM_SIGNATURE = base64(HMAC-SHA256(key, poolName | USER_ID_FOR_SRP |
 * SECRET_BLOCK bytes | TIMESTAMP)), in constant time.
 */
export function isClaimSignatureValid(claim: {
  sessionKey: Buffer;
  userPoolId: string;
  userIdForSrp: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}): boolean {
  const expected = hmacSha256(
    claim.sessionKey,
    Buffer.concat([
      Buffer.from(srpPoolName(claim.userPoolId), 'utf8'),
      Buffer.from(claim.userIdForSrp, 'utf8'),
      Buffer.from(claim.secretBlock, 'base64'),
      Buffer.from(claim.timestamp, 'utf8'),
    ]),
  );
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
