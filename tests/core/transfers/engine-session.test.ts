import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { describe, expect, it } from 'vitest';
import { loginProvider } from '../../helpers/identity';
import { demoIdentity, engineFixture, sha256OfFile, useStandInWithSourceFolder } from './fixture';
import { journalRecordsOnDisk } from './journal-files';

const env = useStandInWithSourceFolder();

describe('an ended session', () => {
  it('asks to sign in again and keeps the queue, which the next session uploads', async () => {
    const identity = await demoIdentity(env.la);
    const file = join(env.src, 'later.txt');
    writeFileSync(file, 'upload me after signing in');
    // Cognito refuses the login token, as it does once a session has really ended.
    const rejected = fromCognitoIdentityPool({
      identityPoolId: env.la.info.identityPoolId,
      logins: { [loginProvider(env.la)]: 'eyJhbGciOiJSUzI1NiJ9.e30.bm90LWEtc2lnbmF0dXJl' },
      clientConfig: { region: env.la.info.region, endpoint: env.la.info.endpoint },
    });
    const ended = await engineFixture(env.la, {
      identity,
      engine: { credentials: rejected, forceRefresh: async () => undefined },
    });
    await ended.engine.enqueue([file]);
    await ended.engine.whenIdle();
    const [item] = ended.engine.snapshot().items;
    expect(item?.state).toBe('failed');
    expect(item?.error?.code).toBe('transfer.signInRequired');
    await ended.engine.close();

    const [record] = journalRecordsOnDisk(ended.journalDir);
    expect(record?.state).toBe('queued');

    const next = await engineFixture(env.la, { identity, journalDir: ended.journalDir });
    await next.engine.restore();
    await next.engine.whenIdle();
    expect(next.engine.snapshot().items[0]?.state).toBe('completed');
    expect(await next.sha256OfObject(next.key('later.txt'))).toBe(await sha256OfFile(file));
    await next.dispose();
  });
});
