import { afterEach, describe, expect, it } from 'vitest';
import { createAuthSession, type AuthSession, type AuthState } from '../../../src-main/core/auth';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, countOf, withClient } from './fixtures';

let la: TestLocalAws | undefined;
let session: AuthSession | undefined;
afterEach(async () => {
  session?.dispose();
  session = undefined;
  await la?.dispose();
  la = undefined;
});

const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

describe('sign-in', () => {
  it('signs in with SRP, emits states without secrets, and hands out the ID token', async () => {
    la = await startTestLocalAws();
    session = createAuthSession({ config: configFor(la) });
    const seen: AuthState[] = [];
    session.onChange((state) => seen.push(state));

    const state = await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);

    expect(state).toMatchObject({ status: 'signedIn', username: DEMO_USERNAME });
    expect(countOf(la, 'RespondToAuthChallenge')).toBe(1); // PASSWORD_VERIFIER: SRP, no password sent
    const idToken = await session.getIdToken();
    // The demo pool signs in by email: the token names a UUID user whose email was typed.
    expect(decode(idToken)).toMatchObject({ token_use: 'id', email: DEMO_USERNAME });
    expect(decode(idToken)['cognito:username']).toBe(decode(idToken).sub);
    expect(seen.at(-1)?.status).toBe('signedIn');
    const emitted = JSON.stringify(seen);
    expect(emitted).not.toMatch(/eyJ/);
    expect(emitted).not.toContain(DEMO_PASSWORD);
  });

  it('uses USER_PASSWORD_AUTH when the config says so', async () => {
    la = await startTestLocalAws(
      withClient({ explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    session = createAuthSession({ config: configFor(la, { authFlow: 'USER_PASSWORD_AUTH' }) });

    const state = await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);

    expect(state.status).toBe('signedIn');
    expect(countOf(la, 'InitiateAuth')).toBe(1);
    expect(countOf(la, 'RespondToAuthChallenge')).toBe(0);
  });

  it('says the same thing for a wrong password and an unknown user', async () => {
    la = await startTestLocalAws();
    session = createAuthSession({ config: configFor(la) });

    const wrong = await session
      .signIn(DEMO_USERNAME, 'Not-the-password-1!')
      .catch((e: unknown) => e);
    const unknown = await session
      .signIn('nobody@hakobu.example', 'Whatever-2026!')
      .catch((e: unknown) => e);

    expect(wrong).toMatchObject({ code: 'auth.wrongCredentials' });
    expect(unknown).toMatchObject({ code: 'auth.wrongCredentials' });
    expect((unknown as Error).message).toBe((wrong as Error).message);
    expect((wrong as Error).message).toMatch(/username or password is incorrect/i);
    expect(session.state.status).toBe('signedOut');
  });

  it('tells which flow to configure when the client does not allow SRP', async () => {
    la = await startTestLocalAws(
      withClient({ explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    session = createAuthSession({ config: configFor(la) });

    const error = await session.signIn(DEMO_USERNAME, DEMO_PASSWORD).catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 'auth.flowNotEnabled',
      params: { flow: 'USER_SRP_AUTH', otherFlow: 'USER_PASSWORD_AUTH' },
    });
    expect((error as Error).message).toContain('"authFlow": "USER_PASSWORD_AUTH"');
  });

  it('tells which flow to configure when the client does not allow USER_PASSWORD_AUTH', async () => {
    la = await startTestLocalAws();
    session = createAuthSession({ config: configFor(la, { authFlow: 'USER_PASSWORD_AUTH' }) });

    const error = await session.signIn(DEMO_USERNAME, DEMO_PASSWORD).catch((e: unknown) => e);

    expect(error).toMatchObject({
      code: 'auth.flowNotEnabled',
      params: { flow: 'USER_PASSWORD_AUTH' },
    });
    expect((error as Error).message).toContain('"authFlow": "USER_SRP_AUTH"');
  });

  it('refuses an app client with a secret and says to use a public one', async () => {
    la = await startTestLocalAws(withClient({ generateSecret: true }));
    session = createAuthSession({ config: configFor(la) });

    const error = await session.signIn(DEMO_USERNAME, DEMO_PASSWORD).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'auth.clientHasSecret' });
    expect((error as Error).message).toContain('public app client (no secret)');
  });

  it('reports an unreachable service as a network problem', async () => {
    la = await startTestLocalAws();
    const config = configFor(la);
    await la.dispose();
    la = undefined;
    session = createAuthSession({ config });

    const error = await session.signIn(DEMO_USERNAME, DEMO_PASSWORD).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'auth.networkUnreachable' });
    expect(session.state.status).toBe('signedOut');
  });

  it('refuses tokens to a signed-out caller with a clear error', async () => {
    la = await startTestLocalAws();
    session = createAuthSession({ config: configFor(la) });

    await expect(session.getIdToken()).rejects.toMatchObject({ code: 'auth.notSignedIn' });
  });
});
