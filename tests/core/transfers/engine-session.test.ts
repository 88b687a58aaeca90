import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginProvider } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { demoIdentity, engineFixture, sha256OfFile } from './fixture';

let la: TestLocalAws;
let src: string;

beforeAll(async () => {
  la = await startTestLocalAws();
  src = mkdtempSync(join(tmpdir(), 'hakobu-src-'));
});
afterAll(async () => {
  await la.dispose();
  rmSync(src, { recursive: true, force: true });
});

describe('an ended session', () => {
  it('asks to sign in again and keeps the queue, which the next session uploads', async () => {
    const identity = await demoIdentity(la);
    const file = join(src, 'later.txt');
    writeFileSync(file, 'upload me after signing in');
    // Cognito refuses the login token, as it does once a session has really ended.
    const rejected = fromCognitoIdentityPool({
      identityPoolId: la.info.identityPoolId,
      logins: { [loginProvider(la)]: 'eyJhbGciOiJSUzI1NiJ9.e30.bm90LWEtc2lnbmF0dXJl' },
      clientConfig: { region: la.info.region, endpoint: la.info.endpoint },
    });
    const ended = await engineFixture(la, {
      identity,
      engine: { credentials: rejected, forceRefresh: async () => undefined },
    });
    await ended.engine.enqueue([file]);
    await ended.engine.whenIdle();
    const [item] = ended.engine.snapshot().items;
    expect(item?.state).toBe('failed');
    expect(item?.error?.code).toBe('transfer.signInRequired');
    await ended.engine.close();

    const [recordName] = readdirSync(ended.journalDir);
    const record = JSON.parse(readFileSync(join(ended.journalDir, recordName ?? ''), 'utf8')) as {
      state: string;
    };
    expect(record.state).toBe('queued');

    const next = await engineFixture(la, { identity, journalDir: ended.journalDir });
    await next.engine.restore();
    await next.engine.whenIdle();
    expect(next.engine.snapshot().items[0]?.state).toBe('completed');
    expect(await next.sha256OfObject(next.key('later.txt'))).toBe(await sha256OfFile(file));
    await next.dispose();
  });
});
