import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error';

/** Reads a whole request body that is known to be small (JSON and XML APIs), with a hard cap. */
export async function readSmallBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new AwsError('RequestEntityTooLarge', 'Request body too large', 413);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
