import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { cognitoIdentityOperations } from './cognito-identity/service';
import { cognitoIdpOperations, serveWellKnown } from './cognito-idp/service';
import type { LocalAwsContext } from './context';
import { serveAdmin } from './faults/admin';
import { serveJsonProtocol } from './http/json-protocol';
import { serveS3 } from './s3/service';

const IDP_TARGET = 'AWSCognitoIdentityProviderService.';
const IDENTITY_TARGET = 'AWSCognitoIdentityService.';

/** Builds the single request listener that fronts every emulated service. */
export function createRequestListener(ctx: LocalAwsContext): RequestListener {
  const idp = cognitoIdpOperations(ctx);
  const identity = cognitoIdentityOperations(ctx);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', ctx.endpoint).pathname;
    const target = String(req.headers['x-amz-target'] ?? '');
    if (ctx.state.faults.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, ctx.state.faults.latencyMs));
    }
    if (path.startsWith('/_local-aws/')) return serveAdmin(ctx, req, res, path);
    if (req.method === 'POST' && target.startsWith(IDP_TARGET)) {
      const action = await serveJsonProtocol(req, res, idp);
      ctx.log({ service: 'cognito-idp', action, status: res.statusCode });
      return;
    }
    if (req.method === 'POST' && target.startsWith(IDENTITY_TARGET)) {
      const action = await serveJsonProtocol(req, res, identity);
      ctx.log({ service: 'cognito-identity', action, status: res.statusCode });
      return;
    }
    if (
      req.method === 'GET' &&
      path.includes('/.well-known/') &&
      serveWellKnown(ctx, req, res, path)
    )
      return;
    return serveS3(ctx, req, res);
  };

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(
        `local-aws internal error: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  };
}
