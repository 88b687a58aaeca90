import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';

// PLACEHOLDER — filled in by the S3 work.
/** Serves one path-style S3 REST request. */
export async function serveS3(
  _ctx: LocalAwsContext,
  _req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.writeHead(501).end();
}
