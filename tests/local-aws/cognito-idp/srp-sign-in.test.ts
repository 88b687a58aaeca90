import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoUser, signInWithSrp } from '../../helpers/sign-in';

describe('SRP sign-in with amazon-cognito-identity-js', () => {
  let la: TestLocalAws;
  beforeEach(async () => {
    la = await startTestLocalAws();
  });
  afterEach(async () => {
    await la.dispose();
  });

  it('signs the demo user in and returns tokens for that user', async () => {
    const demo = demoUser(la);
    const tokens = await signInWithSrp(la, demo.username, demo.password);
    const id = decodeJwt(tokens.idToken);
    // The demo pool signs in by email: the user typed the email, Cognito knows them by a UUID.
    expect(id['cognito:username']).toBe(id.sub);
    expect(id.email).toBe(demo.username);
    expect(id.aud).toBe(la.info.clientId);
    // Issued over https, as Cognito does, whichever endpoint the sign-in came through.
    expect(id.iss).toBe(`${la.tls.endpoint}/${la.info.userPoolId}`);
    expect(decodeJwt(tokens.accessToken).token_use).toBe('access');
    expect(tokens.refreshToken.split('.')).toHaveLength(5);
    expect(tokens.userIdForSrp).toBe(id.sub);
  });

  it("rejects a wrong password with Cognito's message", async () => {
    const demo = demoUser(la);
    await expect(signInWithSrp(la, demo.username, 'Wrong-password-1!')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('rejects an unknown user with UserNotFoundException', async () => {
    await expect(signInWithSrp(la, 'nobody@hakobu.example', 'Whatever-1!')).rejects.toMatchObject({
      code: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});
