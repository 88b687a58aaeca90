import { randomBytes } from 'node:crypto';
import { fromHex, g, hexHash, modPow, N, padHex, sha256Hex, srpPoolName } from './group';

/** x = H(PAD(salt) | H(poolName | userIdForSrp | ":" | password)), as the client derives it. */
export function passwordExponent(
  userPoolId: string,
  userIdForSrp: string,
  password: string,
  saltHex: string,
): bigint {
  const inner = sha256Hex(`${srpPoolName(userPoolId)}${userIdForSrp}:${password}`);
  return fromHex(hexHash(padHex(fromHex(saltHex)) + inner));
}

/** A fresh SRP salt and the verifier v = g^x mod N for a password (both hex). */
export function createSrpVerifier(
  userPoolId: string,
  userIdForSrp: string,
  password: string,
): { salt: string; verifier: string } {
  // Stored in padHex form so the client, which re-pads what it parses, hashes the same bytes.
  const salt = padHex(fromHex(randomBytes(16).toString('hex')));
  const x = passwordExponent(userPoolId, userIdForSrp, password, salt);
  return { salt, verifier: padHex(modPow(g, x, N)) };
}
