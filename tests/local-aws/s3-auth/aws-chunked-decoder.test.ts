import { describe, expect, test } from 'vitest';
import { AwsError } from '../../../local-aws/http/aws-error';
import { credentialScope, deriveSigningKey } from '../../../local-aws/s3/auth/sigv4-crypto';
import {
  AwsChunkedDecoder,
  type AwsChunkedOptions,
} from '../../../local-aws/s3/payload/aws-chunked-decoder';
import { ChunkSignatureChain } from '../../../local-aws/s3/payload/chunk-signatures';

/** Writes `wire` into a fresh decoder in pieces of `pieceSize` bytes and reads everything out. */
async function decode(
  wire: Buffer,
  options: AwsChunkedOptions,
  pieceSize: number,
): Promise<{ data: Buffer; trailers: Record<string, string> }> {
  const decoder = new AwsChunkedDecoder(options);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    decoder.on('data', (chunk: Buffer) => chunks.push(chunk));
    decoder.on('end', resolve);
    decoder.on('error', reject);
  });
  for (let offset = 0; offset < wire.length && !decoder.destroyed; offset += pieceSize) {
    decoder.write(wire.subarray(offset, offset + pieceSize));
  }
  decoder.end();
  await done;
  return { data: Buffer.concat(chunks), trailers: decoder.trailers };
}

async function decodeError(
  wire: Buffer,
  options: AwsChunkedOptions,
  pieceSize = 7,
): Promise<AwsError> {
  const error = await decode(wire, options, pieceSize).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AwsError);
  return error as AwsError;
}

const UNSIGNED_WIRE = Buffer.from(
  '3\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n',
);
const unsignedOptions: AwsChunkedOptions = {
  trailerExpected: true,
  declaredTrailer: 'x-amz-checksum-crc32',
  decodedLength: 19,
};

describe('unsigned aws-chunked bodies', () => {
  test.each([1, 2, 3, 5, 8, 64, 4096])(
    'decode identically when split every %i bytes',
    async (size) => {
      const { data, trailers } = await decode(UNSIGNED_WIRE, unsignedOptions, size);
      expect(data.toString()).toBe('abc0123456789abcdef');
      expect(trailers).toEqual({ 'x-amz-checksum-crc32': 'NSRBwg==' });
    },
  );

  test('a trailer section without its closing blank line is still complete', async () => {
    const wire = Buffer.from('3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n');
    const { trailers } = await decode(wire, { ...unsignedOptions, decodedLength: 3 }, 4);
    expect(trailers).toEqual({ 'x-amz-checksum-crc32': 'NSRBwg==' });
  });

  test('a body cut off inside a chunk is IncompleteBody', async () => {
    const error = await decodeError(UNSIGNED_WIRE.subarray(0, 20), unsignedOptions);
    expect(error).toMatchObject({ code: 'IncompleteBody', status: 400 });
  });

  test('more data than x-amz-decoded-content-length is IncompleteBody', async () => {
    const error = await decodeError(UNSIGNED_WIRE, { ...unsignedOptions, decodedLength: 4 });
    expect(error).toMatchObject({ code: 'IncompleteBody', details: { NumberBytesExpected: '4' } });
  });

  test('a chunk size that is not hexadecimal is refused', async () => {
    const error = await decodeError(Buffer.from('zz\r\nabc\r\n0\r\n\r\n'), unsignedOptions);
    expect(error.code).toBe('InvalidRequest');
  });

  test('data where the CRLF after a chunk belongs is refused', async () => {
    const error = await decodeError(Buffer.from('3\r\nabcd\r\n0\r\n\r\n'), unsignedOptions);
    expect(error.code).toBe('InvalidRequest');
  });

  test('a trailer in a mode that announces none is MalformedTrailerError', async () => {
    const error = await decodeError(
      Buffer.from('3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n'),
      {
        trailerExpected: false,
        decodedLength: 3,
      },
    );
    expect(error.code).toBe('MalformedTrailerError');
  });

  test('bytes after the end of the body are MalformedTrailerError', async () => {
    const wire = Buffer.concat([UNSIGNED_WIRE, Buffer.from('junk\r\n')]);
    const error = await decodeError(wire, unsignedOptions);
    expect(error.code).toBe('MalformedTrailerError');
  });
});

describe('signed chunks (AWS documentation example keys and values)', () => {
  const signingKey = deriveSigningKey(
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '20130524',
    'us-east-1',
    's3',
  );
  const chain = () =>
    new ChunkSignatureChain({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      signingKey,
      amzDate: '20130524T000000Z',
      scope: credentialScope('20130524', 'us-east-1', 's3'),
      seedSignature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
    });
  const wire = (chunkSignatures: [string, string, string]) =>
    Buffer.concat([
      Buffer.from(`10000;chunk-signature=${chunkSignatures[0]}\r\n`),
      Buffer.alloc(65536, 'a'),
      Buffer.from(`\r\n400;chunk-signature=${chunkSignatures[1]}\r\n`),
      Buffer.alloc(1024, 'a'),
      Buffer.from(`\r\n0;chunk-signature=${chunkSignatures[2]}\r\n\r\n`),
    ]);
  const AWS_SIGNATURES: [string, string, string] = [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ];

  test.each([1, 97, 65536])('verify when the body arrives %i bytes at a time', async (size) => {
    const { data } = await decode(
      wire(AWS_SIGNATURES),
      { signatures: chain(), trailerExpected: false, decodedLength: 66560 },
      size,
    );
    expect(data.equals(Buffer.alloc(66560, 'a'))).toBe(true);
  });

  test('swapping two chunk signatures breaks the chain', async () => {
    const [first, second, last] = AWS_SIGNATURES;
    const error = await decodeError(
      wire([second, first, last]),
      { signatures: chain(), trailerExpected: false, decodedLength: 66560 },
      1000,
    );
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });

  test('a final chunk without a signature breaks the chain', async () => {
    const body = wire(AWS_SIGNATURES);
    const cut = body.indexOf('0;chunk-signature=', 65536 + 1024);
    const error = await decodeError(
      Buffer.concat([body.subarray(0, cut), Buffer.from('0\r\n\r\n')]),
      { signatures: chain(), trailerExpected: false, decodedLength: 66560 },
      4096,
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
  });
});
