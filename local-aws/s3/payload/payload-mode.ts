import { invalidContentSha256, sigV4aNotImplemented } from '../auth/auth-errors';

/** How a request's body is framed and protected, as x-amz-content-sha256 declares it. */
export type PayloadMode =
  | { framing: 'plain'; sha256: string }
  | { framing: 'plain'; sha256: undefined }
  | { framing: 'aws-chunked'; signedChunks: boolean; trailer: boolean };

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Classifies an x-amz-content-sha256 value; throws S3's error for values it does not accept. */
export function parsePayloadMode(contentSha256: string): PayloadMode {
  switch (contentSha256) {
    case UNSIGNED_PAYLOAD:
      return { framing: 'plain', sha256: undefined };
    case 'STREAMING-UNSIGNED-PAYLOAD-TRAILER':
      return { framing: 'aws-chunked', signedChunks: false, trailer: true };
    case 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD':
      return { framing: 'aws-chunked', signedChunks: true, trailer: false };
    case 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER':
      return { framing: 'aws-chunked', signedChunks: true, trailer: true };
    case 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD':
    case 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER':
      throw sigV4aNotImplemented(contentSha256);
  }
  if (HEX_SHA256.test(contentSha256)) return { framing: 'plain', sha256: contentSha256 };
  throw invalidContentSha256(contentSha256);
}
