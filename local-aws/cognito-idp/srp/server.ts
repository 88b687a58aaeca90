import { randomBytes } from 'node:crypto';
import { fromHex, g, hexHash, hmacSha256, k, modPow, N, padHex } from './group';

const HKDF_INFO = Buffer.from('Caldera Derived Key', 'utf8');

/** The server's half of one SRP exchange: its secret b and public B = (k·v + g^b) mod N. */
export interface ServerEphemeral {
  b: bigint;
  B: bigint;
}

/** Draws b and computes B for a stored verifier (hex). */
export function createServerEphemeral(verifierHex: string): ServerEphemeral {
  const v = fromHex(verifierHex);
  for (;;) {
    const b = fromHex(randomBytes(128).toString('hex'));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B };
  }
}

/** Recomputes B from b, so the secret block only needs to carry b. */
export const publicFromSecret = (verifierHex: string, b: bigint): bigint =>
  (k * fromHex(verifierHex) + modPow(g, b, N)) % N;

/** The client's A is usable only when A mod N is not zero (the SRP-6a safety check). */
export const isValidClientPublic = (A: bigint): boolean => A > 0n && A % N !== 0n;

/**
 * The 16-byte key both sides derive: S = (A·v^u)^b mod N with u = H(PAD(A) | PAD(B)), then
 * HKDF-SHA256 with salt PAD(u), input PAD(S) and info "Caldera Derived Key".
 */
export function deriveSessionKey(
  A: bigint,
  ephemeral: ServerEphemeral,
  verifierHex: string,
): Buffer | undefined {
  const u = fromHex(hexHash(padHex(A) + padHex(ephemeral.B)));
  if (u === 0n) return undefined;
  const v = fromHex(verifierHex);
  const S = modPow(A * modPow(v, u, N), ephemeral.b, N);
  const prk = hmacSha256(Buffer.from(padHex(u), 'hex'), Buffer.from(padHex(S), 'hex'));
  return hmacSha256(prk, Buffer.concat([HKDF_INFO, Buffer.from([1])])).subarray(0, 16);
}
