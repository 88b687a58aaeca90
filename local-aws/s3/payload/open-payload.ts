import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { AwsChunkedDecoder } from './aws-chunked-decoder';
import { ChunkSignatureChain, type ChunkSigningContext } from './chunk-signatures';
import { ContentSha256Verifier } from './content-sha256-verifier';
import { bodyEndedEarly, missingDecodedContentLength } from './payload-errors';
import type { PayloadMode } from './payload-mode';

/** A request body ready to read, with its trailing headers once it has been read. */
export interface OpenedPayload {
  payload: Readable;
  trailers: Promise<Record<string, string>>;
  contentLength: number | undefined;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseLength(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Feeds the request into the decoding stream without pipeline(): destroying the request would
 * destroy its socket, and the caller still has to send S3's error response on it.
 */
function feed(req: IncomingMessage, stream: Transform): void {
  const cutShort = (): void => {
    if (!stream.destroyed && !stream.writableFinished) stream.destroy(bodyEndedEarly());
  };
  req.on('error', cutShort);
  req.on('close', () => {
    if (!req.complete) cutShort();
  });
  req.pipe(stream);
}

function settleWithStream(
  stream: Transform,
  trailersAtEnd: () => Record<string, string>,
): Promise<Record<string, string>> {
  const trailers = new Promise<Record<string, string>>((resolve, reject) => {
    stream.once('end', () => resolve(trailersAtEnd()));
    stream.once('error', reject);
    stream.once('close', () => reject(bodyEndedEarly()));
  });
  // Callers that never read the body never ask for trailers; that must not crash the process.
  trailers.catch(() => undefined);
  return trailers;
}

/**
 * Opens the body of an authenticated request according to its payload mode; `signing` is the
 * request's signing material, needed only when chunks are signed.
 */
export function openPayload(
  req: IncomingMessage,
  mode: PayloadMode,
  signing: ChunkSigningContext,
): OpenedPayload {
  if (mode.framing === 'plain') {
    const verifier = new ContentSha256Verifier(mode.sha256);
    feed(req, verifier);
    return {
      payload: verifier,
      trailers: settleWithStream(verifier, () => ({})),
      contentLength: parseLength(headerValue(req, 'content-length')),
    };
  }

  const decodedLength = parseLength(headerValue(req, 'x-amz-decoded-content-length'));
  if (decodedLength === undefined) throw missingDecodedContentLength();
  const declaredTrailer = headerValue(req, 'x-amz-trailer')?.trim().toLowerCase() || undefined;
  const decoder = new AwsChunkedDecoder({
    signatures: mode.signedChunks ? new ChunkSignatureChain(signing) : undefined,
    trailerExpected: mode.trailer,
    declaredTrailer,
    decodedLength,
  });
  feed(req, decoder);
  return {
    payload: decoder,
    trailers: settleWithStream(decoder, () => ({ ...decoder.trailers })),
    contentLength: decodedLength,
  };
}
