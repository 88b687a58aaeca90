import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LocalAwsContext } from '../context';
import { CognitoErrors } from './errors';
import type { UserPoolState } from './model';

/** Cognito's default AuthSessionValidity: a challenge must be answered within 3 minutes. */
export const SESSION_LIFETIME_MS = 3 * 60 * 1000;

export const ChallengeName = z.enum([
  'PASSWORD_VERIFIER',
  'NEW_PASSWORD_REQUIRED',
  'SMS_MFA',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
]);
export type ChallengeName = z.infer<typeof ChallengeName>;

// What a Session or SECRET_BLOCK carries. They are sealed (AES-256-GCM) with a key derived from
// the pool's signing key, so a client can neither read nor forge them and a restart of the
// stand-in between two sign-in steps does not matter.
const Sealed = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('challenge'),
    id: z.string(),
    poolId: z.string(),
    clientId: z.string(),
    username: z.string(),
    challenge: ChallengeName,
    expiresAt: z.number(),
    /** SHA-256 of the SMS code sent for this session. */
    smsCodeHash: z.string().optional(),
    /** MFA_SETUP: VerifySoftwareToken succeeded with this session. */
    mfaSetupVerified: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('srp'),
    id: z.string(),
    poolId: z.string(),
    clientId: z.string(),
    username: z.string(),
    /** The server's secret b and the client's A, hex. */
    b: z.string(),
    A: z.string(),
    expiresAt: z.number(),
  }),
]);
type Sealed = z.infer<typeof Sealed>;
export type ChallengeSession = Extract<Sealed, { kind: 'challenge' }>;
export type SrpSecretBlock = Extract<Sealed, { kind: 'srp' }>;
type Unsealed<T extends Sealed> = Omit<T, 'id' | 'expiresAt' | 'poolId'>;

const keyCache = new WeakMap<UserPoolState['signingKey'], Buffer>();

function sessionKey(pool: UserPoolState): Buffer {
  let key = keyCache.get(pool.signingKey);
  if (!key) {
    const d = String(pool.signingKey.privateJwk.d ?? '');
    key = Buffer.from(
      hkdfSync('sha256', Buffer.from(d, 'base64url'), pool.id, 'cognito-idp sessions', 32),
    );
    keyCache.set(pool.signingKey, key);
  }
  return key;
}

function seal(pool: UserPoolState, payload: Sealed): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sessionKey(pool), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(pool: UserPoolState, sealed: string): Sealed | undefined {
  const raw = Buffer.from(sealed, 'base64');
  if (raw.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sessionKey(pool), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString();
    const parsed = Sealed.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Issues and redeems challenge sessions and SRP secret blocks. Redeemed IDs are remembered in
 * memory until they expire, so a session that led somewhere cannot be replayed.
 */
export class SessionBook {
  private readonly redeemed = new Map<string, number>();

  constructor(private readonly ctx: LocalAwsContext) {}

  /** A Session string for the next challenge. */
  issueChallenge(pool: UserPoolState, session: Unsealed<ChallengeSession>): string {
    return seal(pool, { ...session, ...this.envelope(pool) });
  }

  /** A SECRET_BLOCK carrying the server's half of an SRP exchange. */
  issueSrpBlock(pool: UserPoolState, block: Unsealed<SrpSecretBlock>): string {
    return seal(pool, { ...block, ...this.envelope(pool) });
  }

  /** Opens a Session given with a ClientId; throws Cognito's session errors. */
  openChallenge(pool: UserPoolState, clientId: string, session: string): ChallengeSession {
    const opened = unseal(pool, session);
    if (opened?.kind !== 'challenge' || opened.clientId !== clientId)
      throw CognitoErrors.sessionInvalid();
    this.assertLive(opened);
    return opened;
  }

  /** Opens a Session given without a ClientId (AssociateSoftwareToken), trying every pool. */
  openChallengeAnyPool(session: string): { pool: UserPoolState; session: ChallengeSession } {
    for (const pool of Object.values(this.ctx.state.userPools)) {
      const opened = unseal(pool, session);
      if (opened?.kind === 'challenge' && opened.poolId === pool.id) {
        this.assertLive(opened);
        return { pool, session: opened };
      }
    }
    throw CognitoErrors.sessionInvalid();
  }

  /** Opens a SECRET_BLOCK; undefined when it is not one this pool issued to this client. */
  openSrpBlock(pool: UserPoolState, clientId: string, block: string): SrpSecretBlock | undefined {
    const opened = unseal(pool, block);
    if (opened?.kind !== 'srp' || opened.clientId !== clientId) return undefined;
    this.assertLive(opened);
    return opened;
  }

  /** Marks a session or block as used; a second redemption fails. */
  redeem(sealed: { id: string; expiresAt: number }): void {
    this.prune();
    if (this.redeemed.has(sealed.id)) throw CognitoErrors.sessionUsed();
    this.redeemed.set(sealed.id, sealed.expiresAt);
  }

  private assertLive(sealed: Sealed): void {
    if (this.redeemed.has(sealed.id)) throw CognitoErrors.sessionUsed();
    if (sealed.expiresAt <= this.ctx.now()) throw CognitoErrors.sessionExpired();
  }

  private envelope(pool: UserPoolState) {
    const cap = this.ctx.state.faults.challengeSessionSeconds;
    const lifetime = cap ? Math.min(cap * 1000, SESSION_LIFETIME_MS) : SESSION_LIFETIME_MS;
    return { id: randomUUID(), poolId: pool.id, expiresAt: this.ctx.now() + lifetime };
  }

  private prune(): void {
    const now = this.ctx.now();
    for (const [id, expiresAt] of this.redeemed) if (expiresAt <= now) this.redeemed.delete(id);
  }
}
