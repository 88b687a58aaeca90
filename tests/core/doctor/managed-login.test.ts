import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_IDP_NAME, SSO_CALLBACK_PORTS } from '../../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { runDoctor } from '../../../src-main/core/doctor';
import { configFor } from '../../helpers/config';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { stepOf } from './fixtures';

// Doctor on a browser sign-in config, against local-aws's managed login: each misconfiguration
// an IT administrator can make in the app client shows as the step that names it, with the fix.

type ClientPatch = Record<string, unknown>;
/** The default setup with one app client changed. */
const withClient = (name: string, patch: ClientPatch) => (base: LocalAwsSetup) => ({
  ...base,
  userPools: base.userPools.map((pool) => ({
    ...pool,
    clients: pool.clients.map((client) =>
      client.name === name ? { ...client, ...patch } : client,
    ),
  })),
});

async function doctorFor(
  la: TestLocalAws,
  signIn: Record<string, unknown> = {},
  clientId = la.info.managedLogin?.clientId,
) {
  const sso = la.info.managedLogin;
  if (!sso) throw new Error('local-aws started without managed login');
  return runDoctor({
    config: configFor(la, {
      clientId,
      signIn: {
        method: 'managedLogin',
        domain: sso.domain,
        identityProvider: COMPANY_IDP_NAME,
        ...signIn,
      },
    }),
  });
}

describe('doctor on browser sign-in', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws();
  });
  afterAll(() => la?.dispose());

  it('passes the domain, the client and every callback URL of a good setup', async () => {
    const report = await doctorFor(la);
    expect(stepOf(report, 'sso-domain').status).toBe('ok');
    expect(stepOf(report, 'sso-client').status).toBe('ok');
    const callbacks = stepOf(report, 'sso-callbacks');
    expect(callbacks.status).toBe('ok');
    expect(callbacks.detail).toContain(`http://localhost:${SSO_CALLBACK_PORTS[2]}/callback`);
    // The password flow is not this client's business: no step complains about it.
    expect(report.steps.find((s) => s.id === 'auth-flow')).toBeUndefined();
    // Without a session, doctor says how to get one: through the browser, not a password.
    expect(stepOf(report, 'sign-in').detail).toContain('hakobu login --browser');
  });

  it('names a callback port the app client does not list, and how to add it', async () => {
    const report = await doctorFor(la, { callbackPorts: [SSO_CALLBACK_PORTS[0], 47999] });
    const step = stepOf(report, 'sso-callbacks');
    expect(step.status).toBe('fail');
    expect(step.detail).toContain('http://localhost:47999/callback');
    expect(step.detail).not.toContain(`:${SSO_CALLBACK_PORTS[0]}/`);
    expect(step.fix).toMatch(/Allowed callback URLs/);
  });

  it('says when the domain does not answer', async () => {
    const report = await doctorFor(la, { domain: 'http://127.0.0.1:9' });
    const step = stepOf(report, 'sso-domain');
    expect(step.status).toBe('fail');
    expect(step.fix).toMatch(/signIn\.domain/);
    expect(stepOf(report, 'sso-client').status).toBe('skipped');
  });
});

describe('doctor on an app client without the code grant or the scopes', () => {
  it('names the missing authorization code grant (the password client, given callback URLs)', async () => {
    const callbackUrls = SSO_CALLBACK_PORTS.map((port) => `http://localhost:${port}/callback`);
    const la = await startTestLocalAws(withClient('hakobu-desktop', { callbackUrls }));
    try {
      const step = stepOf(await doctorFor(la, {}, la.info.clientId), 'sso-client');
      expect(step).toMatchObject({ status: 'fail', code: 'doctor.managedLogin.codeGrantOff' });
      expect(step.fix).toMatch(/Authorization code grant/);
    } finally {
      await la.dispose();
    }
  });

  it('names the scopes Hakobu needs', async () => {
    const la = await startTestLocalAws(
      withClient('hakobu-desktop-sso', { allowedOAuthScopes: ['openid'] }),
    );
    try {
      const step = stepOf(await doctorFor(la), 'sso-client');
      expect(step).toMatchObject({ status: 'fail', code: 'doctor.managedLogin.scopesMissing' });
      expect(step.fix).toContain('openid, email, profile');
    } finally {
      await la.dispose();
    }
  });
});
