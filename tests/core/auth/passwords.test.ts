import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { deliveredCodes, latestCode } from '../../helpers/codes';
import { useStandInPerTest } from './fixtures';

const NEW_PASSWORD = 'Brand-new-pass-2026!';

const stand = useStandInPerTest();

describe('passwords', () => {
  it('resets a forgotten password with the emailed code', async () => {
    const la = await stand.start();
    const session = stand.session();

    const state = await session.forgotPassword(DEMO_USERNAME);
    expect(state).toMatchObject({ status: 'resettingPassword', username: DEMO_USERNAME });
    expect(state.status === 'resettingPassword' && state.destination).toMatch(/^d\*+@/);

    const code = latestCode(la, DEMO_USERNAME, 'forgot-password');
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(session.confirmForgotPassword(wrong, NEW_PASSWORD)).rejects.toMatchObject({
      code: 'auth.codeMismatch',
    });
    await expect(session.confirmForgotPassword(code, 'weak')).rejects.toMatchObject({
      code: 'auth.passwordPolicy',
    });
    expect(await session.confirmForgotPassword(code, NEW_PASSWORD)).toMatchObject({
      status: 'signedOut',
      lastUsername: DEMO_USERNAME,
    });

    await expect(stand.session().signIn(DEMO_USERNAME, DEMO_PASSWORD)).rejects.toMatchObject({
      code: 'auth.wrongCredentials',
    });
    expect(await stand.session().signIn(DEMO_USERNAME, NEW_PASSWORD)).toMatchObject({
      status: 'signedIn',
    });
  });

  it('looks the same for an unknown user, so the reset screen reveals no accounts', async () => {
    const la = await stand.start();
    const session = stand.session();

    expect(await session.forgotPassword('nobody@hakobu.example')).toMatchObject({
      status: 'resettingPassword',
    });
    expect(deliveredCodes(la)).toHaveLength(0);
    await expect(session.confirmForgotPassword('123456', NEW_PASSWORD)).rejects.toMatchObject({
      code: 'auth.codeMismatch',
    });
  });

  it('changes the password of a signed-in user', async () => {
    await stand.start();
    const session = stand.session();
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);

    await expect(session.changePassword('Wrong-current-1!', NEW_PASSWORD)).rejects.toMatchObject({
      code: 'auth.wrongCurrentPassword',
    });
    await expect(session.changePassword(DEMO_PASSWORD, 'weak')).rejects.toMatchObject({
      code: 'auth.passwordPolicy',
    });
    await session.changePassword(DEMO_PASSWORD, NEW_PASSWORD);

    expect(session.state.status).toBe('signedIn');
    expect(await stand.session().signIn(DEMO_USERNAME, NEW_PASSWORD)).toMatchObject({
      status: 'signedIn',
    });
  });

  it('refuses to change a password when nobody is signed in', async () => {
    await stand.start();

    await expect(stand.session().changePassword(DEMO_PASSWORD, NEW_PASSWORD)).rejects.toMatchObject(
      {
        code: 'auth.notSignedIn',
      },
    );
  });
});
