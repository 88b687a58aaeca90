import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  installFastSrpMath,
  libraryBigInteger,
  modPow,
} from '../../../src-main/core/auth/fast-srp-math';

// The sign-in's SRP maths moves from the library's jsbn to native BigInt: every result must be
// the library's own, or Cognito refuses the password proof as a wrong password.

const BigInteger = libraryBigInteger();
const original = BigInteger.prototype.modPow;

// RFC 5054's 3072-bit group, which Cognito uses.
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

describe('the SRP maths of sign-in', () => {
  it('gives the library’s own results, for negative bases too, through the callback and the return', () => {
    const N = new BigInteger(N_HEX, 16);
    const cases = Array.from({ length: 6 }, (_, i) => ({
      base: `${i % 2 ? '-' : ''}${randomBytes(384 - i).toString('hex')}`,
      exponent: randomBytes(128 + 32 * i).toString('hex'),
    }));
    const expected = cases.map(({ base, exponent }) =>
      original
        .call(new BigInteger(base, 16), new BigInteger(exponent, 16), N, () => undefined)
        .toString(16),
    );
    installFastSrpMath();
    expect(BigInteger.prototype.modPow).not.toBe(original);
    cases.forEach(({ base, exponent }, i) => {
      let fromCallback = '';
      const returned = new BigInteger(base, 16).modPow(new BigInteger(exponent, 16), N, (_e, r) => {
        fromCallback = r.toString(16);
      });
      expect(returned.toString(16)).toBe(expected[i]);
      expect(fromCallback).toBe(expected[i]);
    });
  });

  it('handles the edges: exponent 0, modulus 1, base a multiple of the modulus', () => {
    expect(modPow(5n, 0n, 7n)).toBe(1n);
    expect(modPow(5n, 3n, 1n)).toBe(0n);
    expect(modPow(14n, 5n, 7n)).toBe(0n);
    expect(modPow(-2n, 3n, 7n)).toBe(6n);
  });
});
