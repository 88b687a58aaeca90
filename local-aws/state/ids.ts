import { randomBytes, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A random string over an alphabet (uniform enough for identifiers, not for secrets). */
export function randomString(length: number, alphabet = ALNUM): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** A user pool ID such as ap-northeast-1_Ab3dEfGh9. */
export const newUserPoolId = (region: string) => `${region}_${randomString(9)}`;
/** A 26-character app client ID, as Cognito issues them. */
export const newClientId = () => randomString(26, LOWER_ALNUM);
/** A 51-character app client secret. */
export const newClientSecret = () => randomString(51, LOWER_ALNUM);
/** An identity pool ID or identity ID: <region>:<uuid>. */
export const newRegionalUuid = (region: string) => `${region}:${randomUUID()}`;
/** A temporary access key ID; ASIA marks temporary credentials, as in STS. */
export const newTemporaryAccessKeyId = () => `ASIA${randomString(16, UPPER_ALNUM)}`;
