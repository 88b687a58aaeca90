import type { ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import { errorPage, failAuthorize, finishSignIn, type ManagedLogin } from './finish';
import { upsertFederatedUser } from './federated-user';
import { redirect, sendHtml, withQuery } from './http';
import { newSecret } from './store';

const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
});
const TokenResponse = z.object({ id_token: z.string() });

const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

// Cognito reads an OIDC provider's endpoints from its discovery document, as here.
async function discover(issuer: string): Promise<z.infer<typeof Discovery>> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`discovery at ${issuer} answered ${res.status}`);
  return Discovery.parse(await res.json());
}

const idpResponseUrl = (ml: ManagedLogin) => `${ml.domain}/oauth2/idpresponse`;

/** Sends the browser to the provider's sign-in page, remembering the app's request meanwhile. */
export async function startFederation(
  ml: ManagedLogin,
  res: ServerResponse,
  request: AuthorizeRequest & { provider: string },
  query: URLSearchParams,
): Promise<void> {
  const provider = ml.pool.identityProviders?.[request.provider];
  const issuer = ml.providerOrigins.get(request.provider);
  if (!provider || !issuer)
    return failAuthorize(ml, res, {
      kind: 'redirect',
      redirectUri: request.redirectUri,
      ...(request.state !== undefined ? { state: request.state } : {}),
      error: 'invalid_request',
      description: `Identity provider ${request.provider} is not available.`,
    });
  const discovery = await discover(issuer);
  const nonce = newSecret();
  const state = ml.store.awaitProvider({
    query: query.toString(),
    provider: request.provider,
    nonce,
  });
  ml.ctx.log({ service: 'managed-login', action: 'federate', provider: request.provider });
  redirect(
    res,
    withQuery(discovery.authorization_endpoint, {
      client_id: provider.builtIn.clientId,
      redirect_uri: idpResponseUrl(ml),
      response_type: 'code',
      scope: provider.authorizeScopes.join(' '),
      state,
      nonce,
    }),
  );
}

// The provider's code for its ID token (client_secret_post), verified as a relying party must.
async function providerClaims(
  ml: ManagedLogin,
  providerName: string,
  code: string,
  nonce: string,
): Promise<{ issuer: string; claims: JWTPayload }> {
  const provider = ml.pool.identityProviders?.[providerName];
  const issuer = ml.providerOrigins.get(providerName);
  if (!provider || !issuer) throw new Error(`identity provider ${providerName} is not available`);
  const discovery = await discover(issuer);
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: idpResponseUrl(ml),
      client_id: provider.builtIn.clientId,
      client_secret: provider.builtIn.clientSecret,
    }),
  });
  if (!res.ok) throw new Error(`the provider's token endpoint answered ${res.status}`);
  const { id_token: idToken } = TokenResponse.parse(await res.json());
  let jwks = jwksByUri.get(discovery.jwks_uri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
    jwksByUri.set(discovery.jwks_uri, jwks);
  }
  const { payload } = await jwtVerify(idToken, jwks, {
    issuer: discovery.issuer,
    audience: provider.builtIn.clientId,
    algorithms: ['RS256'],
  });
  if (payload.nonce !== nonce) throw new Error('the provider’s ID token has the wrong nonce');
  if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('the ID token has no sub');
  return { issuer: discovery.issuer, claims: payload };
}

/** GET /oauth2/idpresponse: the provider answers; the app gets a code, or the provider's error. */
export async function serveIdpResponse(
  ml: ManagedLogin,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const pending = ml.store.takePending(url.searchParams.get('state') ?? '');
  if (!pending)
    return sendHtml(
      res,
      400,
      errorPage(
        'invalid_request',
        'The sign-in took too long or was already used. Please start again.',
      ),
    );
  const request = checkAuthorizeRequest(ml.pool, new URLSearchParams(pending.query));
  if ('kind' in request) return failAuthorize(ml, res, request);
  const providerError = url.searchParams.get('error');
  const code = url.searchParams.get('code');
  if (providerError || !code)
    return failAuthorize(ml, res, {
      kind: 'redirect',
      redirectUri: request.redirectUri,
      ...(request.state !== undefined ? { state: request.state } : {}),
      error: providerError ?? 'invalid_request',
      description:
        url.searchParams.get('error_description') ?? 'The identity provider sent no code.',
    });
  let verified: { issuer: string; claims: JWTPayload };
  try {
    verified = await providerClaims(ml, pending.provider, code, pending.nonce);
  } catch (error) {
    return failAuthorize(ml, res, {
      kind: 'redirect',
      redirectUri: request.redirectUri,
      ...(request.state !== undefined ? { state: request.state } : {}),
      error: 'invalid_request',
      description: `Sign-in through ${pending.provider} failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const provider = ml.pool.identityProviders?.[pending.provider];
  if (!provider) return;
  const user = upsertFederatedUser(
    ml.pool,
    provider,
    verified.issuer,
    verified.claims,
    ml.ctx.now(),
  );
  ml.ctx.save();
  finishSignIn(ml, res, request, user, Math.floor(ml.ctx.now() / 1000));
}
