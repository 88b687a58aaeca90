import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalAwsSetup } from '../../../local-aws/setup/schema';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { signInWithSrp } from '../../helpers/sign-in';
import { createConfirmedUser, idpClient } from './support';

const ALICE = { username: 'alice', password: 'Alice-pass-1', email: 'alice@hakobu.example' };

// A pool of real usernames that also takes a verified email or a preferred_username.
const aliasSetup = (base: LocalAwsSetup): unknown => ({
  ...base,
  userPools: base.userPools.map((pool) => ({
    ...pool,
    usernameAttributes: [],
    aliasAttributes: ['email', 'preferred_username'],
    users: [{ ...ALICE, preferredUsername: 'ally' }],
  })),
});

describe('a pool with AliasAttributes (email, preferred_username)', () => {
  let la: TestLocalAws;
  beforeAll(async () => {
    la = await startTestLocalAws(aliasSetup);
  });
  afterAll(async () => {
    await la.dispose();
  });

  const create = (Username: string, attributes: Record<string, string>, force = false) =>
    idpClient(la).send(
      new AdminCreateUserCommand({
        UserPoolId: la.info.userPoolId,
        Username,
        MessageAction: 'SUPPRESS',
        ForceAliasCreation: force,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
  const update = (Username: string, attributes: Record<string, string>) =>
    idpClient(la).send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: la.info.userPoolId,
        Username,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );

  it('says so in DescribeUserPool', async () => {
    const { UserPool } = await idpClient(la).send(
      new DescribeUserPoolCommand({ UserPoolId: la.info.userPoolId }),
    );
    expect(UserPool?.AliasAttributes).toEqual(['email', 'preferred_username']);
    expect(UserPool?.UsernameAttributes).toBeUndefined();
  });

  it('signs the user in by email or preferred username, as their real username', async () => {
    for (const typed of [ALICE.email, 'ally', ALICE.username]) {
      const tokens = await signInWithSrp(la, typed, ALICE.password);
      expect(tokens.userIdForSrp).toBe(ALICE.username);
      const id = decodeJwt(tokens.idToken);
      expect(id['cognito:username']).toBe(ALICE.username);
      expect(id.email).toBe(ALICE.email);
      expect(id.preferred_username).toBe('ally');
    }
  });

  it('takes an email alias only once it is verified', async () => {
    await createConfirmedUser(la, 'bob', 'Bob-pass-1', { email: 'bob@hakobu.example' });
    await expect(signInWithSrp(la, 'bob@hakobu.example', 'Bob-pass-1')).rejects.toMatchObject({
      code: 'UserNotFoundException',
    });
    await update('bob', { email_verified: 'true' });
    expect((await signInWithSrp(la, 'bob@hakobu.example', 'Bob-pass-1')).userIdForSrp).toBe('bob');
  });

  it('refuses a username shaped like an alias, and a duplicate username', async () => {
    await expect(create('carol@hakobu.example', {})).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
    });
    await expect(create(ALICE.username, {})).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'User account already exists',
    });
  });

  it('refuses an alias another user has (AliasExistsException), or moves it when forced', async () => {
    const taken = { email: ALICE.email, email_verified: 'true' };
    await expect(create('dave', taken)).rejects.toMatchObject({ name: 'AliasExistsException' });
    await createConfirmedUser(la, 'erin', 'Erin-pass-1');
    await expect(update('erin', taken)).rejects.toMatchObject({ name: 'AliasExistsException' });
    await expect(update('erin', { preferred_username: 'ally' })).rejects.toMatchObject({
      name: 'AliasExistsException',
    });
    // The refused update left erin as she was: still no email to sign in with.
    await expect(signInWithSrp(la, ALICE.email, 'Erin-pass-1')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
    });

    await create('frank', taken, true);
    // Alice's email now belongs to frank; she still signs in by her username.
    await expect(signInWithSrp(la, ALICE.email, ALICE.password)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
    });
    expect((await signInWithSrp(la, ALICE.username, ALICE.password)).userIdForSrp).toBe('alice');
  });
});

describe('the setup file', () => {
  it('refuses a pool with both usernameAttributes and aliasAttributes, as Cognito does', () => {
    const pool = { name: 'both', clients: [{ name: 'app' }] };
    const parsed = LocalAwsSetup.safeParse({
      userPools: [{ ...pool, usernameAttributes: ['email'], aliasAttributes: ['email'] }],
    });
    expect(parsed.success).toBe(false);
  });

  it('refuses a user whose username is not an email in a pool that signs in by email', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hakobu-local-aws-'));
    try {
      const withAlice = (base: LocalAwsSetup) => ({
        ...base,
        userPools: base.userPools.map((p) => ({
          ...p,
          usernameAttributes: ['email'],
          users: [...p.users, { username: 'alice', password: 'Alice-pass-1' }],
        })),
      });
      await expect(startTestLocalAws(withAlice, dataDir)).rejects.toThrow(
        /user alice: Username should be an email\./,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
