import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { deriveSigningKey } from '../../../local-aws/s3/auth/sigv4-crypto';

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** The derivation spelled out as in the SigV4 documentation, with no cache in between. */
function derivedFresh(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

test('a remembered signing key is the one the derivation gives, for every input that differs', () => {
  const inputs: [string, string, string, string][] = [
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'us-east-1', 's3'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130525', 'us-east-1', 's3'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'eu-west-1', 's3'],
    ['another secret', '20130524', 'us-east-1', 's3'],
    // A secret ending in what would be the next field must not meet another's entry.
    ['secret\n20130524', 'x', 'us-east-1', 's3'],
    ['secret', '20130524\nx', 'us-east-1', 's3'],
  ];
  for (let round = 0; round < 2; round++) {
    for (const [secret, date, region, service] of inputs) {
      expect(deriveSigningKey(secret, date, region, service)).toEqual(
        derivedFresh(secret, date, region, service),
      );
    }
  }
  // AWS's published example key for 20130524/us-east-1/s3.
  expect(deriveSigningKey(...(inputs[0] as [string, string, string, string])).toString('hex')).toBe(
    'dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378',
  );
});
