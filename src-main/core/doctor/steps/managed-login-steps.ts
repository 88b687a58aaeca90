import { DEFAULT_CALLBACK_PORTS } from '../../config/sign-in-rules';
import { MANAGED_LOGIN_SCOPES } from '../../auth/managed-login/authorize-url';
import type { DoctorContext } from '../context';
import { failed, passed } from '../outcome';
import type { StepDefinition } from '../plan';
import { probeAuthorize, type AuthorizeVerdict } from '../probes/authorize-probe';
import type { StepOutcome } from '../types';

// Browser sign-in, checked the way a browser meets it: /oauth2/authorize on the configured
// domain, with the configured client, for each callback port Hakobu may listen on.

const callbackUrl = (port: number) => `http://localhost:${port}/callback`;
const portsOf = (ctx: DoctorContext) => ctx.config.signIn.callbackPorts ?? DEFAULT_CALLBACK_PORTS;
const CONSOLE = 'Cognito console > User pool > App clients > (the client) > Login pages > Edit';

/** The first port's probe, made once per doctor run and shared by the domain and client steps. */
type FirstProbe = (ctx: DoctorContext) => Promise<AuthorizeVerdict>;

/** The domain answers as Cognito managed login does. */
async function checkDomain(ctx: DoctorContext, firstProbe: FirstProbe): Promise<StepOutcome> {
  const domain = ctx.config.signIn.domain ?? '';
  const verdict = await firstProbe(ctx);
  if (verdict.kind === 'unreachable') {
    return failed(
      'doctor.managedLogin.domainUnreachable',
      `The sign-in domain ${domain} did not answer (${verdict.message}).`,
      'Check signIn.domain against the user pool\'s "Domain" page in the Cognito console, and that this computer can reach it (proxy, firewall, VPN).',
      { domain },
    );
  }
  if (verdict.kind === 'notManagedLogin') {
    return failed(
      'doctor.managedLogin.notADomain',
      `${domain} answered /oauth2/authorize with HTTP ${verdict.status}, not as Cognito managed login does.`,
      'Copy the domain from the user pool\'s "Domain" page in the Cognito console into signIn.domain (create one there if the pool has none).',
      { domain, status: verdict.status },
    );
  }
  return passed('doctor.managedLogin.domainOk', `${domain} answers as Cognito managed login.`, {
    domain,
  });
}

/** The app client exists on that domain, allows the code grant and Hakobu's scopes. */
async function checkClient(ctx: DoctorContext, firstProbe: FirstProbe): Promise<StepOutcome> {
  const { clientId } = ctx.config;
  const verdict = await firstProbe(ctx);
  const scopes = MANAGED_LOGIN_SCOPES.join(', ');
  if (verdict.kind === 'errorPage' && verdict.error !== 'redirect_mismatch') {
    return failed(
      'doctor.managedLogin.clientMissing',
      `Managed login does not know app client ${clientId} (${verdict.error}).`,
      'Copy the Client ID of the app client made for Hakobu, in the same user pool as signIn.domain, into clientId.',
      { clientId, error: verdict.error },
    );
  }
  if (verdict.kind === 'callbackError' && verdict.error === 'unauthorized_client') {
    return failed(
      'doctor.managedLogin.codeGrantOff',
      `App client ${clientId} does not allow the authorization code grant.`,
      `Turn on "Authorization code grant" under OAuth 2.0 grant types (${CONSOLE}).`,
      { clientId },
    );
  }
  if (verdict.kind === 'callbackError' && verdict.error === 'invalid_scope') {
    return failed(
      'doctor.managedLogin.scopesMissing',
      `App client ${clientId} does not allow every scope Hakobu asks for (${scopes}).`,
      `Select the OpenID Connect scopes ${scopes} (${CONSOLE}).`,
      { clientId, scopes },
    );
  }
  if (verdict.kind === 'callbackError') {
    return failed(
      'doctor.managedLogin.refused',
      `Managed login refused the sign-in request for app client ${clientId} (${verdict.error}${verdict.description ? `: ${verdict.description}` : ''}).`,
      `Check the app client's managed login settings (${CONSOLE}), and signIn.identityProvider against the providers the client allows.`,
      { clientId, error: verdict.error },
    );
  }
  return passed(
    'doctor.managedLogin.clientOk',
    `App client ${clientId} allows the authorization code grant with ${scopes}.`,
    { clientId, scopes },
  );
}

/** Every loopback callback URL Hakobu may use is registered with the app client. */
async function checkCallbacks(ctx: DoctorContext): Promise<StepOutcome> {
  const { clientId } = ctx.config;
  const ports = portsOf(ctx);
  const verdicts = await Promise.all(ports.map((port) => probeAuthorize(ctx, callbackUrl(port))));
  const missing = ports
    .filter((_, i) => {
      const verdict = verdicts[i];
      return verdict?.kind === 'errorPage' && verdict.error === 'redirect_mismatch';
    })
    .map(callbackUrl);
  if (missing.length > 0) {
    return failed(
      'doctor.managedLogin.callbackMissing',
      `App client ${clientId} does not list ${missing.join(', ')} as a callback URL, so sign-in through the browser fails (redirect_mismatch) whenever Hakobu listens there.`,
      `Add exactly ${missing.join(', ')} under "Allowed callback URLs" (${CONSOLE}), or set signIn.callbackPorts to the ports that are registered.`,
      { clientId, urls: missing.join(', ') },
    );
  }
  const urls = ports.map(callbackUrl).join(', ');
  return passed(
    'doctor.managedLogin.callbacksOk',
    `App client ${clientId} accepts the callback URLs ${urls}.`,
    { clientId, urls },
  );
}

/** The browser sign-in steps, for a config with signIn.method "managedLogin". */
export function managedLoginSteps(): StepDefinition[] {
  let first: Promise<AuthorizeVerdict> | undefined;
  const firstProbe: FirstProbe = (ctx) =>
    (first ??= probeAuthorize(ctx, callbackUrl(portsOf(ctx)[0] ?? DEFAULT_CALLBACK_PORTS[0] ?? 0)));
  return [
    {
      id: 'sso-domain',
      title: 'Sign-in domain',
      needs: ['config'],
      run: (ctx) => checkDomain(ctx, firstProbe),
    },
    {
      id: 'sso-client',
      title: 'Browser sign-in client',
      needs: ['sso-domain'],
      run: (ctx) => checkClient(ctx, firstProbe),
    },
    {
      id: 'sso-callbacks',
      title: 'Callback URLs',
      needs: ['sso-client'],
      run: checkCallbacks,
    },
  ];
}
