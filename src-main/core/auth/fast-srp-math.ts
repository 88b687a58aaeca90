import * as jsbn from 'amazon-cognito-identity-js/lib/BigInteger.js';

// SRP sign-in raises 3072-bit numbers to 1,024-bit-and-more powers twice (A = g^a, then S). The
// library does it with its bundled jsbn, which cost ~0.3 s of CPU per sign-in in the CLI's profile,
// the largest single item of its start-up: every script that logs in, and the first screen after a
// sign-in in the app, waited for it. V8's native BigInt does the same arithmetic about 4x faster.

type JsbnClass = typeof jsbn.default;
type JsbnValue = InstanceType<JsbnClass>;

// Node's ESM loader hands this CommonJS module over as { default: exports }, where esbuild's
// bundle already unwraps exports.default: the class is one level down in the first case.
const wrapped = jsbn.default as JsbnClass | { default: JsbnClass };
const BigInteger: JsbnClass = typeof wrapped === 'function' ? wrapped : wrapped.default;

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
