import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@smithy/types';
import { NodeSha256 } from './node-sha256';
import { objectPath, type ObjectUrlBase } from './object-url';
import { s3ResponseError } from './s3-error';

/** One PutObject of a body held in memory. */
export interface DirectPut {
  base: ObjectUrlBase;
  key: string;
  body: Buffer;
  /** The body's CRC32 in S3's base64 notation; S3 checks the bytes against it. */
  checksumCRC32: string;
  ifNoneMatch: boolean;
  signal: AbortSignal;
}

/** What signing and sending need from the S3 client of the moment. */
export interface DirectPutContext {
  region: string;
  credentials: AwsCredentialIdentity;
  /** Milliseconds to add to the local clock (the SDK learns it from a skewed answer). */
  clockOffsetMs: number;
  agents: { http: HttpAgent; https: HttpsAgent };
  timeouts: { connectMs: number; idleMs: number };
}

/**
 * Sends a PutObject straight over node:http(s), signed with SigV4 by the SDK's own signer, for a
 * body small enough to sit in memory. WHY: for 256 KiB files the SDK's per-command work
 * (middleware stack, endpoint rules, serializers) cost about as much CPU as the upload itself.
 * The payload is UNSIGNED-PAYLOAD with a signed CRC32 header, as the AWS CLI sends it over https:
 * S3 checks the bytes against the CRC32, and endpoints are https except loopback.
 * Rejects with an S3ResponseError (name = S3's code) or the network error, like the SDK.
 */
export async function sendDirectPut(put: DirectPut, ctx: DirectPutContext): Promise<void> {
  const url = new URL(put.base.origin);
  const path = objectPath(put.base, put.key);
  const signed = await signerFor(ctx).sign(
    {
      method: 'PUT',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path,
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/octet-stream',
        'content-length': String(put.body.length),
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        'x-amz-checksum-crc32': put.checksumCRC32,
        ...(put.ifNoneMatch ? { 'if-none-match': '*' } : {}),
      },
    },
    { signingDate: new Date(Date.now() + ctx.clockOffsetMs) },
  );
  const response = await send(url, path, signed.headers, put, ctx);
  const status = response.statusCode ?? 0;
  const text = await readAll(response);
  if (status >= 200 && status < 300) return;
  const requestId = response.headers['x-amz-request-id'];
  throw s3ResponseError(status, text, typeof requestId === 'string' ? requestId : undefined);
}

// One signer per credentials and region: it caches the derived signing key, which costs four
// HMACs to make. The SDK hands out the same credentials object until it refreshes them.
const signers = new WeakMap<AwsCredentialIdentity, Map<string, SignatureV4>>();

function signerFor(ctx: DirectPutContext): SignatureV4 {
  let byRegion = signers.get(ctx.credentials);
  if (!byRegion) signers.set(ctx.credentials, (byRegion = new Map()));
  let signer = byRegion.get(ctx.region);
  if (!signer) {
    signer = new SignatureV4({
      service: 's3',
      region: ctx.region,
      credentials: ctx.credentials,
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
    byRegion.set(ctx.region, signer);
  }
  return signer;
}

function send(
  url: URL,
  path: string,
  headers: Record<string, string>,
  put: DirectPut,
  ctx: DirectPutContext,
): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request({
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port || undefined,
      method: 'PUT',
      path,
      headers,
      agent: secure ? ctx.agents.https : ctx.agents.http,
      signal: put.signal,
    });
    // The same limits as the SDK client's: a connection must come up, and a slow link may take
    // long but must not go silent.
    const connectTimer = setTimeout(
      () => req.destroy(timeoutError('connect', ctx.timeouts.connectMs)),
      ctx.timeouts.connectMs,
    );
    req.once('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.setTimeout(ctx.timeouts.idleMs, () =>
      req.destroy(timeoutError('idle', ctx.timeouts.idleMs)),
    );
    req.once('response', (response) => {
      clearTimeout(connectTimer);
      resolve(response);
    });
    req.once('error', (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.end(put.body);
  });
}

function timeoutError(phase: 'connect' | 'idle', ms: number): Error {
  const error = new Error(
    phase === 'connect'
      ? `Could not connect to S3 within ${ms} ms`
      : `S3 sent nothing for ${ms} ms`,
  );
  error.name = 'TimeoutError';
  return error;
}

async function readAll(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
