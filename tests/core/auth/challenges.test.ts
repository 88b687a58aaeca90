import { URI, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { latestCode } from '../../helpers/codes';
import { useStandInPerTest, withPool } from './fixtures';

const NEWBIE = 'newbie@hakobu.example';
const TEMP_PASSWORD = 'Temporary-2026!';
const ENROLLING = 'enrolling@hakobu.example';
const SMS_USER = 'sms@hakobu.example';
const PASSWORD = 'Hakobu-user-2026!';

const stand = useStandInPerTest();

describe('sign-in challenges', () => {
  it('asks for a new password when IT created the account, and enforces the policy', async () => {
    await stand.start(
      withPool((pool) => ({
        users: [
          ...pool.users,
          { username: NEWBIE, password: TEMP_PASSWORD, status: 'FORCE_CHANGE_PASSWORD' },
        ],
      })),
    );
    const session = stand.session();

    expect(await session.signIn(NEWBIE, TEMP_PASSWORD)).toMatchObject({
      status: 'challenge',
      challenge: 'NEW_PASSWORD_REQUIRED',
      username: NEWBIE,
    });
    await expect(session.completeNewPassword('short')).rejects.toMatchObject({
      code: 'auth.passwordPolicy',
    });
    expect(await session.completeNewPassword(PASSWORD)).toMatchObject({ status: 'signedIn' });

    // The new password is the one that works from now on.
    expect(await stand.session().signIn(NEWBIE, PASSWORD)).toMatchObject({ status: 'signedIn' });
  });

  it('enrols an authenticator app (MFA_SETUP), then asks for its codes at sign-in', async () => {
    await stand.start(
      withPool((pool) => ({
        mfaConfiguration: 'ON',
        users: [...pool.users, { username: ENROLLING, password: PASSWORD }],
      })),
    );
    const session = stand.session();

    expect(await session.signIn(ENROLLING, PASSWORD)).toMatchObject({
      status: 'challenge',
      challenge: 'MFA_SETUP',
    });
    const uri = session.totpSetupUri();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Hakobu:/);
    const totp = URI.parse(uri ?? '');
    if (!(totp instanceof TOTP)) throw new Error('not a TOTP URI');
    expect(JSON.stringify(session.state)).not.toContain(totp.secret.base32);
    expect(totp.issuer).toBe('Hakobu');
    expect(totp.label).toBe(ENROLLING);

    const wrongCode = totp.generate() === '000000' ? '111111' : '000000';
    await expect(session.verifyTotpSetup(wrongCode)).rejects.toMatchObject({
      code: 'auth.codeMismatch',
    });
    expect(await session.verifyTotpSetup(totp.generate())).toMatchObject({
      status: 'signedIn',
      username: ENROLLING,
    });

    const later = stand.session();
    expect(await later.signIn(ENROLLING, PASSWORD)).toMatchObject({
      status: 'challenge',
      challenge: 'SOFTWARE_TOKEN_MFA',
    });
    await expect(later.submitMfaCode(wrongCode)).rejects.toMatchObject({
      code: 'auth.codeMismatch',
    });
    expect(later.state).toMatchObject({ status: 'challenge', challenge: 'SOFTWARE_TOKEN_MFA' });
    expect(await later.submitMfaCode(totp.generate())).toMatchObject({ status: 'signedIn' });
  });

  it('asks for the texted code (SMS_MFA) and shows where it went', async () => {
    const la = await stand.start(
      withPool((pool) => ({
        users: [
          ...pool.users,
          { username: SMS_USER, password: PASSWORD, phoneNumber: '+819012345678', smsMfa: true },
        ],
      })),
    );
    const session = stand.session();

    const state = await session.signIn(SMS_USER, PASSWORD);

    expect(state).toMatchObject({ status: 'challenge', challenge: 'SMS_MFA' });
    expect(state.status === 'challenge' && state.destination).toMatch(/5678$/);
    expect(state.status === 'challenge' && state.destination).not.toContain('9012345678');
    const code = latestCode(la, SMS_USER, 'sms-mfa');
    expect(await session.submitMfaCode(code)).toMatchObject({ status: 'signedIn' });
  });

  it('answers a stray challenge call plainly, and cancelling returns to signed out', async () => {
    await stand.start();
    const session = stand.session();

    await expect(session.submitMfaCode('123456')).rejects.toMatchObject({
      code: 'auth.noPendingChallenge',
    });
    await expect(session.completeNewPassword(PASSWORD)).rejects.toMatchObject({
      code: 'auth.noPendingChallenge',
    });
    expect(session.cancelChallenge()).toMatchObject({ status: 'signedOut' });
  });
});
