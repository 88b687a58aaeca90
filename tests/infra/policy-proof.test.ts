import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AIKO, BEN, scratchFolder, signIn, startBackend, synthTemplate } from './backend';

// The local tests enforce the template, not a copy of it: each case breaks the synthesized
// template the way a wrong stack would, and the same checks the E2E relies on notice.

const folder = scratchFolder('hakobu-infra-proof-');

interface Statement {
  Sid?: string;
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

const freshTemplate = () => synthTemplate(mkdtempSync(join(folder, 'cdk.out-')), {}) as Template;

function roleProperties(template: Template) {
  const role = Object.values(template.Resources).find((r) => r.Type === 'AWS::IAM::Role');
  if (!role) throw new Error('the template has no role');
  return role.Properties as {
    Policies: { PolicyDocument: { Statement: Statement[] } }[];
    AssumeRolePolicyDocument: { Statement: Statement[] };
  };
}

/** The role's statement for the user's own objects, whose Resource is Fn::Join [bucketArn, tail]. */
function ownObjects(template: Template): { setTail(tail: string): void } {
  const statement = roleProperties(template).Policies[0]?.PolicyDocument.Statement.find(
    (s) => s.Sid === 'OwnFolderObjects',
  );
  const join = (statement?.Resource as { 'Fn::Join': [string, unknown[]] } | undefined)?.[
    'Fn::Join'
  ];
  if (!join) throw new Error('OwnFolderObjects no longer joins the bucket ARN and a tail');
  return { setTail: (tail) => void (join[1][1] = tail) };
}

function localFile(name: string): string {
  const path = join(mkdtempSync(join(folder, 'src-')), name);
  writeFileSync(path, name);
  return path;
}

async function withBackend(
  template: Template,
  run: (backend: Awaited<ReturnType<typeof startBackend>>) => Promise<void>,
  transport: 'https' | 'http' = 'https',
) {
  const backend = await startBackend(template, folder, { transport });
  try {
    await run(backend);
  } finally {
    await backend.la.dispose();
  }
}

describe('a wrong policy in the template fails the local tests', () => {
  it('a policy narrowed to a subfolder makes the upload into the own folder AccessDenied', async () => {
    const template = freshTemplate();
    ownObjects(template).setTail('/${cognito-identity.amazonaws.com:sub}/inbox/*');
    await withBackend(template, async (backend) => {
      const aiko = await signIn(backend, AIKO, folder);
      expect(await aiko.upload(localFile('report.txt'))).toMatchObject({
        state: 'failed',
        error: { code: 'transfer.accessDenied' },
      });
      aiko.dispose();
    });
  });

  it('a policy widened to the whole bucket lets a user write into a colleague’s folder', async () => {
    const template = freshTemplate();
    ownObjects(template).setTail('/*');
    await withBackend(template, async (backend) => {
      const [aiko, ben] = [await signIn(backend, AIKO, folder), await signIn(backend, BEN, folder)];
      const { bucket } = backend.config.locations[0] ?? { bucket: '' };
      const intrusion = await aiko.upload(localFile('intruder.txt'), [
        { name: 'Ben', bucket, prefix: `${ben.identityId}/`, access: 'readwrite' },
      ]);
      // backend-e2e.test.ts expects 'failed' here, so it would catch this stack.
      expect(intrusion.state).toBe('completed');
      aiko.dispose();
      ben.dispose();
    });
  });

  it('a trust policy naming another identity pool gets no AWS keys at all', async () => {
    const template = freshTemplate();
    const [trust] = roleProperties(template).AssumeRolePolicyDocument.Statement;
    const equals = trust?.Condition?.StringEquals;
    if (!equals) throw new Error('the trust policy has no StringEquals');
    equals['cognito-identity.amazonaws.com:aud'] =
      'ap-northeast-1:00000000-0000-4000-8000-000000000000';
    await withBackend(template, async (backend) => {
      const aiko = await signIn(backend, AIKO, folder);
      await expect(aiko.keys()).rejects.toThrow(
        /trust policy lets cognito-identity.amazonaws.com assume it/,
      );
      aiko.dispose();
    });
  });
});

describe('the TLS-only bucket policy', () => {
  it('denies even the own folder over plain http, as S3 would', async () => {
    await withBackend(
      freshTemplate(),
      async (backend) => {
        const aiko = await signIn(backend, AIKO, folder);
        expect(await aiko.upload(localFile('report.txt'))).toMatchObject({
          state: 'failed',
          error: { code: 'transfer.accessDenied' },
        });
        await expect(aiko.library().list({ location: 'My files' })).rejects.toMatchObject({
          code: 'library.accessDenied',
        });
        aiko.dispose();
      },
      'http',
    );
  });
});
