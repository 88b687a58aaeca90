import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, randomBytes } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { NodeSha256 } from '../../src-main/core/transfers/direct-put/node-sha256';

const MiB = 1024 * 1024;

/** What one concurrent PUT loop sends: `total` bodies of `sizeMiB`, `concurrency` at a time. */
export interface PutLoopOptions {
  concurrency: number;
  sizeMiB: number;
  totalMiB: number;
}

/** Sends one PUT and resolves with its status, failing on anything but 2xx. */
export type SendPut = (index: number, body: Buffer) => Promise<void>;

/** Runs the loop from memory and returns MiB/s of bodies acknowledged. */
export async function runPutLoop(options: PutLoopOptions, send: SendPut): Promise<number> {
  const bodies = [randomBytes(options.sizeMiB * MiB), randomBytes(options.sizeMiB * MiB)];
  const count = Math.ceil(options.totalMiB / options.sizeMiB);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await send(i, bodies[i % 2] as Buffer);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return (count * options.sizeMiB) / ((performance.now() - started) / 1000);
}

/** A raw node:http PUT to `url` with `headers`; rejects on a non-2xx status. */
export function httpPut(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`PUT ${url.pathname} -> ${status}: ${Buffer.concat(chunks)}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Credentials and target for signed PUTs to the stand-in. */
export interface SignedTarget {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * A sender of SigV4-signed PutObject requests carrying a signed payload hash and a Content-MD5,
 * as a careful client sends them; hashing happens before the clock starts for each body.
 */
export function signedPutSender(target: SignedTarget, agent: Agent): SendPut {
  const signer = new SignatureV4({
    service: 's3',
    region: target.region,
    credentials: target.credentials,
    sha256: NodeSha256,
    uriEscapePath: false,
  });
  const base = new URL(target.endpoint);
  const digests = new Map<Buffer, { sha256: string; md5: string }>();
  return async (index, body) => {
    let digest = digests.get(body);
    if (!digest) {
      digest = {
        sha256: createHash('sha256').update(body).digest('hex'),
        md5: createHash('md5').update(body).digest('base64'),
      };
      digests.set(body, digest);
    }
    const path = `/${target.bucket}/${target.prefix}/ceiling/${index}.bin`;
    const signed = await signer.sign({
      method: 'PUT',
      protocol: base.protocol,
      hostname: base.hostname,
      port: Number(base.port),
      path,
      headers: {
        host: base.host,
        'content-length': String(body.length),
        'content-md5': digest.md5,
        'x-amz-content-sha256': digest.sha256,
      },
    });
    await httpPut(agent, new URL(path, base), signed.headers, body);
  };
}
