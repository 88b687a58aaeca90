import * as cognito from 'amazon-cognito-identity-js';

// SRP sign-in raises 3072-bit numbers to 1,024-bit-and-more powers twice (A = g^a, then S). The
// library does it with its bundled jsbn, which cost ~0.3 s of CPU per sign-in in the CLI's profile,
// the largest single item of its start-up: every script that logs in, and the first screen after a
// sign-in in the app, waited for it. V8's native BigInt does the same arithmetic about 4x faster.

/** The part of the library's jsbn BigInteger this module touches. */
interface JsbnValue {
  toString(radix: number): string;
  modPow(
    exponent: JsbnValue,
    modulus: JsbnValue,
    callback?: (error: Error | null, result: JsbnValue) => void,
  ): JsbnValue;
}
type JsbnClass = (new (value: string, radix: number) => JsbnValue) & { prototype: JsbnValue };

/**
 * The BigInteger class the library's AuthenticationHelper itself uses, found through one of its
 * values: a bundle may take the library's lib/ or es/ build, and only that copy's class counts.
 * generateRandomSmallA uses no state, so no helper (and no jsbn power) is made to get there.
 */
export function libraryBigInteger(): JsbnClass {
  const helperClass = (cognito as unknown as { AuthenticationHelper: { prototype: object } })
    .AuthenticationHelper;
  const probe = Object.create(helperClass.prototype) as { generateRandomSmallA(): JsbnValue };
  return (Object.getPrototypeOf(probe.generateRandomSmallA()) as { constructor: JsbnClass })
    .constructor;
}

const toBigInt = (value: JsbnValue): bigint => {
  const hex = value.toString(16);
  return hex.startsWith('-') ? -BigInt(`0x${hex.slice(1)}`) : BigInt(`0x${hex}`);
};

/** base^exponent mod modulus for a non-negative exponent, by left-to-right binary exponentiation. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let b = base % modulus;
  // jsbn reduces a negative base into [0, modulus) first; so does S = (B - k·v)^(a + u·x) need.
  if (b < 0n) b += modulus;
  let result = 1n;
  for (const bit of exponent.toString(2)) {
    result = (result * result) % modulus;
    if (bit === '1') result = (result * b) % modulus;
  }
  return result;
}

let installed = false;

/**
 * Makes amazon-cognito-identity-js's BigInteger.modPow use native BigInt, keeping its contract
 * (the result is returned and also passed to the callback). Idempotent.
 */
export function installFastSrpMath(): void {
  if (installed) return;
  installed = true;
  const BigInteger = libraryBigInteger();
  BigInteger.prototype.modPow = function modPowNative(
    this: JsbnValue,
    exponent,
    modulus,
    callback,
  ) {
    const value = modPow(toBigInt(this), toBigInt(exponent), toBigInt(modulus));
    const result = new BigInteger(value.toString(16), 16);
    callback?.(null, result);
    return result;
  };
}
