// Runs one upload in its own process, so a test can SIGKILL it mid-way (see crash-resume.test.ts).
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { z } from 'zod';
import { createTransferEngine } from '../../../../src-main/core/transfers/engine';

const Job = z.object({
  endpoint: z.string(),
  region: z.string(),
  identityPoolId: z.string(),
  loginProvider: z.string(),
  idToken: z.string(),
  identityId: z.string(),
  bucket: z.string(),
  journalDir: z.string(),
  file: z.string(),
});

const job = Job.parse(JSON.parse(process.env.HAKOBU_UPLOAD_JOB ?? '{}'));
const engine = createTransferEngine({
  config: {
    region: job.region,
    endpoints: { s3: job.endpoint },
    locations: [
      { name: 'main', bucket: job.bucket, prefix: '${identityId}/', access: 'readwrite' },
    ],
    transfers: { concurrency: 1, partConcurrency: 2, partSizeMiB: 5, conflictPolicy: 'overwrite' },
  },
  identityId: job.identityId,
  credentials: fromCognitoIdentityPool({
    identityPoolId: job.identityPoolId,
    logins: { [job.loginProvider]: job.idToken },
    clientConfig: { region: job.region, endpoint: job.endpoint },
  }),
  forceRefresh: async () => undefined,
  journalDir: job.journalDir,
});
await engine.enqueue([job.file]);
await engine.whenIdle();
await engine.close();
