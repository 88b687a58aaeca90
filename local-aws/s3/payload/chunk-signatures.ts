import { createHash, type Hash } from 'node:crypto';
import { signatureDoesNotMatch } from '../auth/auth-errors';
import { EMPTY_SHA256, sha256Hex, signString, signaturesEqual } from '../auth/sigv4-crypto';

/** What a signed aws-chunked body is verified against: the request's own signing material. */
export interface ChunkSigningContext {
  accessKeyId: string;
  signingKey: Buffer;
  amzDate: string;
  scope: string;
  /** The request signature, which the first chunk signature chains from. */
  seedSignature: string;
}

/**
 * Verifies the chain of chunk signatures of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] body:
 * each chunk's signature covers its bytes and the previous signature, so chunks cannot be
 * altered, dropped or reordered.
 */
export class ChunkSignatureChain {
  private previous: string;
  private chunkHash: Hash = createHash('sha256');

  constructor(private readonly context: ChunkSigningContext) {
    this.previous = context.seedSignature;
  }

  /** Feeds bytes of the chunk being received. */
  update(data: Uint8Array): void {
    this.chunkHash.update(data);
  }

  /** Checks the finished chunk against its declared signature; throws SignatureDoesNotMatch. */
  endChunk(provided: string | undefined): void {
    const stringToSign = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      this.context.amzDate,
      this.context.scope,
      this.previous,
      EMPTY_SHA256,
      this.chunkHash.digest('hex'),
    ].join('\n');
    this.verify(stringToSign, provided);
    this.chunkHash = createHash('sha256');
  }

  /** Checks the trailer signature over the trailing headers, in the order they were sent. */
  verifyTrailer(trailers: [string, string][], provided: string | undefined): void {
    const canonical = trailers.map(([name, value]) => `${name}:${value}\n`).join('');
    const stringToSign = (algorithm: string): string =>
      [
        algorithm,
        this.context.amzDate,
        this.context.scope,
        this.previous,
        sha256Hex(canonical),
      ].join('\n');
    const documented = stringToSign('AWS4-HMAC-SHA256-TRAILER');
    // AWS's own worked example (sigv4-streaming-trailers) is signed with the PAYLOAD label instead;
    // accepting both costs nothing, as each is an HMAC under the same key over the same trailer.
    const asInAwsExample = stringToSign('AWS4-HMAC-SHA256-PAYLOAD');
    if (
      provided !== undefined &&
      signaturesEqual(signString(this.context.signingKey, asInAwsExample), provided)
    ) {
      this.previous = provided;
      return;
    }
    this.verify(documented, provided);
  }

  private verify(stringToSign: string, provided: string | undefined): void {
    const expected = signString(this.context.signingKey, stringToSign);
    if (provided === undefined || !signaturesEqual(expected, provided)) {
      throw signatureDoesNotMatch({
        accessKeyId: this.context.accessKeyId,
        stringToSign,
        signatureProvided: provided ?? '',
      });
    }
    this.previous = expected;
  }
}
