import { createHash, createHmac } from 'node:crypto';

// The 3072-bit MODP group of RFC 5054 / RFC 3526 that Cognito's SRP uses, with g = 2.
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
  '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
  'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
  'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
  '670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9' +
  'DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64' +
  'ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B' +
  'F12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
  '43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** The group modulus N. */
export const N = BigInt(`0x${N_HEX}`);
/** The group generator g. */
export const g = 2n;

/**
 * The even-length hex of an integer's two's-complement encoding, as Java's
 * BigInteger.toByteArray() gives it and amazon-cognito-identity-js's padHex reproduces:
 * "00" is prepended when a positive value's top bit is set, negatives are sign-extended.
 */
export function padHex(value: bigint): string {
  const negative = value < 0n;
  let hex = (negative ? -value : value).toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  if (/^[89a-f]/i.test(hex)) hex = `00${hex}`;
  if (!negative) return hex;
  const inverted = [...hex].map((nibble) => (~parseInt(nibble, 16) & 0xf).toString(16)).join('');
  let twos = (BigInt(`0x${inverted}`) + 1n).toString(16);
  // The reference drops a redundant leading FF only in the 80..00 case, and so must we.
  if (twos.toUpperCase().startsWith('FF8')) twos = twos.slice(2);
  return twos;
}

/** Parses a hex string as a non-negative integer (Cognito sends SRP values unsigned). */
export const fromHex = (hex: string): bigint => BigInt(`0x${hex}`);

/** SHA-256 of bytes or a UTF-8 string, as 64 hex digits. */
export const sha256Hex = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex');

/** SHA-256 of the bytes a hex string spells. */
export const hexHash = (hex: string): string => sha256Hex(Buffer.from(hex, 'hex'));

/** HMAC-SHA256. */
export const hmacSha256 = (key: Buffer, data: Buffer): Buffer =>
  createHmac('sha256', key).update(data).digest();

/** Modular exponentiation by squaring; BigInt has no built-in modPow. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** The SRP-6a multiplier k = H(PAD(N) | PAD(g)). */
export const k = fromHex(hexHash(padHex(N) + padHex(g)));

/** The pool name SRP mixes into x: the part of the pool ID after "_". */
export const srpPoolName = (userPoolId: string): string =>
  userPoolId.slice(userPoolId.indexOf('_') + 1);
