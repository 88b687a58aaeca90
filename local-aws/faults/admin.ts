import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsContext } from '../context';
import { AwsError } from '../http/aws-error';
import { readSmallBody } from '../http/body';
import { FaultSetup } from '../setup/schema';

const FaultPatch = FaultSetup.partial().strict();

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Serves the stand-in's own admin API: GET /_local-aws/health, and GET or PUT /_local-aws/faults
 * (PUT merges a partial FaultSetup), which the reliability tests use to inject failures.
 */
export async function serveAdmin(
  ctx: LocalAwsContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  try {
    if (path === '/_local-aws/health' && req.method === 'GET')
      return sendJson(res, 200, { ok: true });
    if (path === '/_local-aws/faults' && req.method === 'GET')
      return sendJson(res, 200, ctx.state.faults);
    if (path === '/_local-aws/faults' && (req.method === 'PUT' || req.method === 'POST')) {
      let json: unknown;
      try {
        json = JSON.parse((await readSmallBody(req)).toString('utf8') || '{}');
      } catch {
        throw new AwsError('InvalidRequest', 'Body must be JSON', 400);
      }
      const patch = FaultPatch.safeParse(json);
      if (!patch.success) {
        throw new AwsError(
          'InvalidRequest',
          patch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      }
      // zod fills .default()s even in a partial schema: apply only the fields the caller sent,
      // or every PUT would quietly reset the other settings.
      const sent = Object.keys(json as object);
      Object.assign(
        ctx.state.faults,
        Object.fromEntries(Object.entries(patch.data).filter(([key]) => sent.includes(key))),
      );
      ctx.save();
      return sendJson(res, 200, ctx.state.faults);
    }
    throw new AwsError('NotFound', `No admin route ${req.method} ${path}`, 404);
  } catch (error) {
    const e = error instanceof AwsError ? error : new AwsError('InternalError', String(error), 500);
    sendJson(res, e.status, { code: e.code, message: e.message });
  }
}
