import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { uriEncode } from '../../../local-aws/s3/auth/canonical-request';

/** SHA-256 for the SDK's own signer, backed by node:crypto (an HMAC when given a key). */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key =
      typeof this.secret === 'string'
        ? this.secret
        : ArrayBuffer.isView(this.secret)
          ? Buffer.from(this.secret.buffer, this.secret.byteOffset, this.secret.byteLength)
          : Buffer.from(this.secret);
    return createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
          : Buffer.from(data),
    );
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The SDK's real SigV4 signer configured as the S3 client configures it (path encoded once). */
export function s3Signer(credentials: TestCredentials, region: string): SignatureV4 {
  return new SignatureV4({
    service: 's3',
    region,
    credentials,
    sha256: NodeSha256,
    uriEscapePath: false,
  });
}

/** A request in the shape the SDK signer takes. */
export interface PlainRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer;
}

/** Serializes a query the way the SDK does (RFC 3986, every pair encoded). */
export function queryString(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([key, value]) => `${uriEncode(key)}=${uriEncode(value)}`)
    .join('&');
}

/** Converts a PlainRequest into what SignatureV4 expects for a given endpoint. */
export function forSigning(endpoint: string, request: PlainRequest) {
  const url = new URL(endpoint);
  return {
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path,
    query: request.query ?? {},
    headers: { host: url.host, ...(request.headers ?? {}) },
    body: request.body,
  };
}

export interface WireResponse {
  status: number;
  body: string;
  /** The <Code> of an S3 error body. */
  code: string | undefined;
}

/** Sends a request exactly as given (no re-encoding), returning status and S3 error code. */
export function send(
  endpoint: string,
  request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    rawQuery?: string;
    headers: Record<string, string>;
    body?: Buffer;
  },
): Promise<WireResponse> {
  const url = new URL(endpoint);
  const search = request.rawQuery ?? (request.query ? queryString(request.query) : '');
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: `${request.path}${search ? `?${search}` : ''}`,
        headers: request.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body,
            code: /<Code>([^<]+)<\/Code>/.exec(body)?.[1],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Signs with the SDK signer and sends; `tamper` may alter the signed request before it leaves. */
export async function signAndSend(
  endpoint: string,
  credentials: TestCredentials,
  region: string,
  request: PlainRequest,
  options: {
    signingDate?: Date;
    tamper?: (signed: {
      headers: Record<string, string>;
      path: string;
      query: Record<string, string>;
      body: Buffer | undefined;
    }) => void;
  } = {},
): Promise<WireResponse> {
  const signed = await s3Signer(credentials, region).sign(forSigning(endpoint, request), {
    signingDate: options.signingDate ?? new Date(),
  });
  const outgoing = {
    headers: { ...(signed.headers as Record<string, string>) },
    path: signed.path,
    query: { ...(signed.query as Record<string, string>) },
    body: request.body,
  };
  options.tamper?.(outgoing);
  return send(endpoint, { method: request.method, ...outgoing });
}

/**
 * Writes a raw HTTP/1.1 request over TCP, the body in `pieceSize`-byte writes with a turn of the
 * event loop between them, so the server sees it split across many small reads.
 */
export function sendRaw(
  endpoint: string,
  head: string,
  body: Buffer,
  pieceSize: number,
): Promise<WireResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const bodyText = text.slice(text.indexOf('\r\n\r\n') + 4);
      resolve({ status, body: bodyText, code: /<Code>([^<]+)<\/Code>/.exec(bodyText)?.[1] });
    });
    socket.on('connect', async () => {
      socket.write(head);
      for (let offset = 0; offset < body.length; offset += pieceSize) {
        await new Promise<void>((done) =>
          socket.write(body.subarray(offset, offset + pieceSize), () => done()),
        );
        await new Promise((done) => setImmediate(done));
      }
    });
  });
}
