import AuthenticationHelperModule from 'amazon-cognito-identity-js/lib/AuthenticationHelper.js';
import BigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { padHex } from '../../../local-aws/cognito-idp/srp/group';

interface LibraryBigInteger {
  toString(radix: number): string;
}
interface LibraryHelper {
  padHex(value: LibraryBigInteger): string;
}
const unwrap = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;
const AuthenticationHelper = unwrap<new (pool: string) => LibraryHelper>(
  AuthenticationHelperModule,
);
const BigInteger = unwrap<new (hex: string, radix: number) => LibraryBigInteger>(BigIntegerModule);

describe('padHex matches amazon-cognito-identity-js byte for byte', () => {
  const helper = new AuthenticationHelper('pool');
  const library = (value: bigint) =>
    helper.padHex(new BigInteger(value.toString(16), 16)).toLowerCase();

  it('on the documented examples, including negative values', () => {
    const examples: [bigint, string][] = [
      [-236n, 'ff14'],
      [20n, '14'],
      [-200n, 'ff38'],
      [56n, '38'],
      [-20n, 'ec'],
      [236n, '00ec'],
      [-56n, 'c8'],
      [200n, '00c8'],
      [-128n, '80'],
    ];
    for (const [value, hex] of examples) expect(padHex(value)).toBe(hex);
  });

  it('on random values of SRP size, with and without the top bit set', () => {
    for (let i = 0; i < 200; i++) {
      const magnitude = BigInt(`0x${randomBytes(1 + (i % 384)).toString('hex')}`);
      const value = i % 3 === 0 ? -magnitude : magnitude;
      expect(padHex(value)).toBe(library(value));
    }
  });
});
