import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import { createAuthSession } from '../../../src-main/core/auth';
import { createIdentityCredentials } from '../../../src-main/core/credentials';
import { createTransferEngine, type TransferEngine } from '../../../src-main/core/transfers/engine';
import type { TransferConfig, TransferEngineOptions } from '../../../src-main/core/transfers/types';
import { configFor } from '../../helpers/config';
import { loginProvider, mintUserTokens } from '../../helpers/identity';
import { afterAll } from 'vitest';
import { useFileFixture } from '../../helpers/file-fixture';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { loggedRequests } from '../../helpers/request-log';

export const MiB = 1024 * 1024;

/** A signed-in demo user: the real SDK provider against the stand-in's identity pool. */
export interface DemoIdentity {
  identityId: string;
  credentials: AwsCredentialIdentityProvider;
  /** The ID token's Logins, for a child process that signs in the same way. */
  idToken: string;
}

/** Signs the demo user in and returns a credentials provider that fetches fresh keys on every call. */
export async function demoIdentity(la: TestLocalAws): Promise<DemoIdentity> {
  const { IdToken } = await mintUserTokens(la);
  const credentials = fromCognitoIdentityPool({
    identityPoolId: la.info.identityPoolId,
    logins: { [loginProvider(la)]: IdToken },
    clientConfig: { region: la.info.region, endpoint: la.info.endpoint },
  });
  const { identityId } = await credentials();
  return { identityId, credentials, idToken: IdToken };
}

/**
 * Keys that stay the same until the engine asks for a refresh, so S3 must answer ExpiredToken once
 * they lapse: pass `engine` to engineFixture, and wait on `current().expiration`.
 */
export async function stickyKeys(identity: DemoIdentity) {
  let cached: AwsCredentialIdentity = await identity.credentials();
  let refreshes = 0;
  return {
    current: () => cached,
    refreshes: () => refreshes,
    engine: {
      credentials: async () => cached,
      forceRefresh: async () => {
        refreshes++;
        cached = await identity.credentials();
      },
    },
  };
}

/** Resolves once `keys` have expired. */
export const keysExpired = (keys: { current(): AwsCredentialIdentity }) =>
  waitFor(() => Date.now() > (keys.current().expiration?.getTime() ?? 0), 'the keys to expire');

/** What the app wires into the engine: a signed-in auth session and the credentials module. */
export interface ProductSession {
  identity: DemoIdentity;
  forceRefresh: () => Promise<void>;
  dispose(): void;
}

/** Signs the demo user in with SRP and builds credentials exactly as the app does. */
export async function productSession(la: TestLocalAws): Promise<ProductSession> {
  const config = configFor(la, { locations: [{ name: 'main', bucket: la.info.bucket }] });
  const auth = createAuthSession({ config });
  await auth.signIn(DEMO_USERNAME, DEMO_PASSWORD);
  const creds = createIdentityCredentials({ config, getIdToken: () => auth.getIdToken() });
  return {
    identity: {
      identityId: await creds.identityId(),
      credentials: creds.provider,
      idToken: await auth.getIdToken(),
    },
    forceRefresh: () => creds.forceRefresh(),
    dispose: () => {
      creds.dispose();
      auth.dispose();
    },
  };
}

/** The config the engine reads, pointed at the stand-in. */
export function testConfig(
  la: TestLocalAws,
  transfers: Partial<TransferConfig['transfers']> = {},
): TransferConfig {
  return {
    region: la.info.region,
    endpoints: { s3: la.info.endpoint },
    locations: [
      { name: 'main', bucket: la.info.bucket, prefix: '${identityId}/', access: 'readwrite' },
    ],
    transfers: {
      concurrency: 3,
      partConcurrency: 3,
      partSizeMiB: 5,
      conflictPolicy: 'rename',
      ...transfers,
    },
  };
}

export interface EngineFixture {
  engine: TransferEngine;
  identity: DemoIdentity;
  journalDir: string;
  s3: S3Client;
  /** `<identityId>/<rel>` */
  key(rel: string): string;
  sha256OfObject(key: string): Promise<string>;
  listKeys(): Promise<string[]>;
  listUploads(): Promise<{ key: string; uploadId: string }[]>;
  dispose(): Promise<void>;
}

/** A transfer engine for the demo user, with a fresh journal folder and a verifying S3 client. */
export async function engineFixture(
  la: TestLocalAws,
  options: {
    transfers?: Partial<TransferConfig['transfers']>;
    journalDir?: string;
    identity?: DemoIdentity;
    engine?: Partial<TransferEngineOptions>;
  } = {},
): Promise<EngineFixture> {
  const identity = options.identity ?? (await demoIdentity(la));
  const journalDir = options.journalDir ?? mkdtempSync(join(tmpdir(), 'hakobu-journal-'));
  const config = testConfig(la, options.transfers);
  const engine = createTransferEngine({
    config,
    identityId: identity.identityId,
    credentials: identity.credentials,
    // The SDK provider above fetches new keys on every call, so a new client is all it takes.
    forceRefresh: async () => undefined,
    journalDir,
    retry: { baseDelayMs: 20, maxDelayMs: 400 },
    ...options.engine,
  });
  const s3 = new S3Client({
    region: la.info.region,
    endpoint: la.info.endpoint,
    forcePathStyle: true,
    credentials: identity.credentials,
  });
  const bucket = la.info.bucket;
  const prefix = `${identity.identityId}/`;
  return {
    engine,
    identity,
    journalDir,
    s3,
    key: (rel) => `${prefix}${rel}`,
    async sha256OfObject(key) {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!out.Body) throw new Error(`GetObject ${key} returned no body`);
      return createHash('sha256')
        .update(await out.Body.transformToByteArray())
        .digest('hex');
    },
    async listKeys() {
      const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
    },
    async listUploads() {
      const out = await s3.send(
        new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }),
      );
      return (out.Uploads ?? []).map((u) => ({ key: u.Key ?? '', uploadId: u.UploadId ?? '' }));
    },
    async dispose() {
      await engine.close();
      s3.destroy();
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
}

/** SHA-256 of a local file, streamed. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The JSON lines of the stand-in's requests.log. */
export const requestLog = (la: TestLocalAws) => loggedRequests(la);

/** Polls until `check` is true (for watching a journal or a running upload). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
): Promise<void> {
  for (let i = 0; i < 6000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts one stand-in before a file's tests and disposes it after them; read it inside tests. */
const useFileStandIn = () =>
  useFileFixture(
    () => startTestLocalAws(),
    (la) => la.dispose(),
  );

/** One stand-in and one folder of source files, shared by a file's tests and removed after them. */
export function useStandInWithSourceFolder(): { readonly la: TestLocalAws; readonly src: string } {
  const standIn = useFileStandIn();
  const src = mkdtempSync(join(tmpdir(), 'hakobu-src-'));
  afterAll(() => rmSync(src, { recursive: true, force: true }));
  return {
    get la() {
      return standIn();
    },
    src,
  };
}

/** One stand-in and the demo user's identity on it, shared by a file's tests. */
export function useStandInWithIdentity(): {
  readonly la: TestLocalAws;
  readonly identity: DemoIdentity;
} {
  const current = useFileFixture(
    async () => {
      const la = await startTestLocalAws();
      return { la, identity: await demoIdentity(la) };
    },
    (started) => started.la.dispose(),
  );
  return {
    get la() {
      return current().la;
    },
    get identity() {
      return current().identity;
    },
  };
}
