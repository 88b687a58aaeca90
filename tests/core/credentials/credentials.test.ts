import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthSession, type AuthSession } from '../../../src-main/core/auth';
import {
  createIdentityCredentials,
  fileIdentityIdStore,
  IDENTITY_CACHE_FILE,
  type IdentityCredentials,
} from '../../../src-main/core/credentials';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { configFor, countOf, withPool } from '../auth/fixtures';

const OTHER_USER = 'other@hakobu.example';
const OTHER_PASSWORD = 'Other-user-2026!';

let la: TestLocalAws | undefined;
let appData: string | undefined;
const disposables: { dispose(): void }[] = [];
afterEach(async () => {
  for (const d of disposables.splice(0)) d.dispose();
  await la?.dispose();
  la = undefined;
  if (appData) rmSync(appData, { recursive: true, force: true });
  appData = undefined;
});

async function signedIn(): Promise<AuthSession> {
  if (!la) throw new Error('start the stand-in first');
  const session = createAuthSession({ config: configFor(la) });
  disposables.push(session);
  await session.signIn(DEMO_USERNAME, DEMO_PASSWORD);
  return session;
}

function credentialsFor(session: AuthSession, dir?: string): IdentityCredentials {
  if (!la) throw new Error('start the stand-in first');
  const creds = createIdentityCredentials({
    config: configFor(la),
    getIdToken: () => session.getIdToken(),
    ...(dir ? { store: fileIdentityIdStore(dir) } : {}),
  });
  disposables.push(creds);
  return creds;
}

function s3With(creds: IdentityCredentials): S3Client {
  if (!la) throw new Error('start the stand-in first');
  const s3 = new S3Client({
    region: la.info.region,
    endpoint: la.info.endpoint,
    forcePathStyle: true,
    credentials: creds.provider,
  });
  disposables.push({ dispose: () => s3.destroy() });
  return s3;
}

describe('identity pool credentials', () => {
  it('gives credentials that S3 accepts under the user’s identity prefix', async () => {
    la = await startTestLocalAws();
    const creds = credentialsFor(await signedIn());

    const identityId = await creds.identityId();
    expect(identityId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    const issued = await creds.provider();
    expect(issued.expiration?.getTime()).toBeGreaterThan(Date.now());

    const s3 = s3With(creds);
    const Key = `${identityId}/hello.txt`;
    await s3.send(new PutObjectCommand({ Bucket: la.info.bucket, Key, Body: 'hello' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: la.info.bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('hello');
    // Another prefix is someone else's folder.
    await expect(
      s3.send(
        new PutObjectCommand({ Bucket: la.info.bucket, Key: 'someone-else/x.txt', Body: 'x' }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('remembers the identity ID in the app-data folder, so the next launch skips GetId', async () => {
    la = await startTestLocalAws();
    appData = mkdtempSync(join(tmpdir(), 'hakobu-app-data-'));
    const session = await signedIn();

    const first = await credentialsFor(session, appData).identityId();
    const file = readFileSync(join(appData, IDENTITY_CACHE_FILE), 'utf8');
    expect(file).toContain(first);
    expect(file).not.toMatch(/eyJ/);

    const again = credentialsFor(session, appData);
    expect(await again.identityId()).toBe(first);
    await again.provider();
    expect(countOf(la, 'GetId')).toBe(1);
  });

  it('shares one GetCredentialsForIdentity among 50 concurrent callers', async () => {
    la = await startTestLocalAws();
    const creds = credentialsFor(await signedIn());

    const all = await Promise.all(Array.from({ length: 50 }, () => creds.provider()));

    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(countOf(la, 'GetCredentialsForIdentity')).toBe(1);
    expect(countOf(la, 'GetId')).toBe(1);
  });

  it('fetches new credentials on forceRefresh, once for many callers and not for stale reports', async () => {
    la = await startTestLocalAws();
    const creds = credentialsFor(await signedIn());
    const old = await creds.provider();

    await Promise.all(Array.from({ length: 10 }, () => creds.forceRefresh()));
    const fresh = await creds.provider();
    expect(fresh.accessKeyId).not.toBe(old.accessKeyId);
    expect(countOf(la, 'GetCredentialsForIdentity')).toBe(2);

    // A late ExpiredToken about the old keys needs nothing more: they were already replaced.
    await creds.forceRefresh(old);
    expect(countOf(la, 'GetCredentialsForIdentity')).toBe(2);
  });

  it('hands out nothing once the user has signed out, even keys that are still valid', async () => {
    la = await startTestLocalAws();
    const session = await signedIn();
    const creds = credentialsFor(session);
    await creds.provider();
    await session.signOut();

    await expect(creds.provider()).rejects.toMatchObject({ code: 'auth.notSignedIn' });
    expect(countOf(la, 'GetCredentialsForIdentity')).toBe(1);
  });

  it('gives the next user their own credentials, never the previous user’s', async () => {
    la = await startTestLocalAws(
      withPool((pool) => ({
        users: [...pool.users, { username: OTHER_USER, password: OTHER_PASSWORD }],
      })),
    );
    const session = await signedIn();
    const creds = credentialsFor(session);
    const first = await creds.provider();
    const firstId = await creds.identityId();

    await session.signOut();
    await session.signIn(OTHER_USER, OTHER_PASSWORD);

    const second = await creds.provider();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(await creds.identityId()).not.toBe(firstId);
  });
});
