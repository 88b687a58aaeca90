import { afterEach, describe, expect, it } from 'vitest';
import { createAuthSession, type AuthSession } from '../../../src-main/core/auth';
import type { HakobuConfig } from '../../../src-main/core/config';
import { createIdentityCredentials } from '../../../src-main/core/credentials';
import {
  DEMO_PASSWORD,
  DEMO_USERNAME,
  identityPrefixPolicy,
} from '../../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, countOf } from '../auth/fixtures';

let la: TestLocalAws | undefined;
const disposables: { dispose(): void }[] = [];
afterEach(async () => {
  for (const d of disposables.splice(0)) d.dispose();
  await la?.dispose();
  la = undefined;
});

/** The default setup with its identity pool (and optionally its roles) changed. */
const withIdentityPool =
  (patch: Record<string, unknown>, roles?: (base: LocalAwsSetup) => unknown[]) =>
  (base: LocalAwsSetup) => ({
    ...base,
    identityPools: base.identityPools.map((p) => ({ ...p, ...patch })),
    ...(roles ? { roles: roles(base) } : {}),
  });

/** Signs the demo user in and asks for credentials; resolves with what was thrown. */
async function credentialFailure(patch: Partial<HakobuConfig> = {}): Promise<unknown> {
  if (!la) throw new Error('start the stand-in first');
  const config = configFor(la, patch);
  const session: AuthSession = createAuthSession({ config });
  disposables.push(session);
  await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
  const creds = createIdentityCredentials({ config, getIdToken: () => session.getIdToken() });
  disposables.push(creds);
  return creds.provider().then(
    () => new Error('credentials were issued'),
    (error: unknown) => error,
  );
}

describe('identity pool errors in plain words', () => {
  it('names a pool without a role for signed-in users (S8)', async () => {
    la = await startTestLocalAws(withIdentityPool({ roles: {} }));
    const error = await credentialFailure();
    expect(error).toMatchObject({ code: 'identity.noUsableRole' });
    expect((error as Error).message).toMatch(/authenticated role/);
  });

  it('names a role whose trust policy does not accept the pool (S8)', async () => {
    la = await startTestLocalAws(
      withIdentityPool({}, (base) =>
        base.roles.map((role) => ({
          ...role,
          trustPolicy: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: 'cognito-identity.amazonaws.com' },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringEquals: {
                    'cognito-identity.amazonaws.com:aud':
                      'ap-northeast-1:99999999-9999-9999-9999-999999999999',
                  },
                },
              },
            ],
          },
        })),
      ),
    );
    const error = await credentialFailure();
    expect(error).toMatchObject({ code: 'identity.noUsableRole' });
    expect((error as Error).message).toMatch(/trust policy/);
  });

  it('names "choose role from token" when no role fits and ambiguity is denied (S8)', async () => {
    la = await startTestLocalAws(
      withIdentityPool({ roleMapping: { type: 'Token', ambiguousRoleResolution: 'Deny' } }),
    );
    const error = await credentialFailure();
    expect(error).toMatchObject({ code: 'identity.roleMapping' });
  });

  it('names a configured customRoleArn the user may not use (S9)', async () => {
    la = await startTestLocalAws(
      withIdentityPool({}, (base) => [
        ...base.roles,
        {
          arn: 'arn:aws:iam::000000000000:role/not-mine',
          policy: identityPrefixPolicy('hakobu-demo'),
        },
      ]),
    );
    const error = await credentialFailure({
      customRoleArn: 'arn:aws:iam::000000000000:role/not-mine',
    });
    expect(error).toMatchObject({ code: 'identity.customRoleRejected' });
    expect((error as Error).message).toContain('customRoleArn');
  });

  it('names an identity pool that does not exist', async () => {
    la = await startTestLocalAws();
    const error = await credentialFailure({
      identityPoolId: 'ap-northeast-1:00000000-0000-0000-0000-000000000000',
    });
    expect(error).toMatchObject({ code: 'identity.poolNotFound' });
  });

  it('never sends an access token to the Identity Pool (S1)', async () => {
    la = await startTestLocalAws();
    const config = configFor(la);
    const session = createAuthSession({ config });
    disposables.push(session);
    await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
    const creds = createIdentityCredentials({ config, getIdToken: () => session.getAccessToken() });
    disposables.push(creds);

    await expect(creds.provider()).rejects.toMatchObject({ code: 'identity.accessTokenUsed' });
    expect(countOf(la, 'GetId') + countOf(la, 'GetCredentialsForIdentity')).toBe(0);
  });
});
