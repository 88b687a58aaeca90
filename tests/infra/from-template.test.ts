import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERNAME } from '../../local-aws/setup/default-setup';
import { loadTemplateFile, setupFromTemplate } from '../../local-aws/setup/from-template';
import { HakobuConfig } from '../../src-main/core/config';
import { templateJson } from './synth';

const USERS = [{ username: 'aiko@example.com', password: 'Aiko-password-2026!' }];

describe('local-aws setup from the synthesized template', () => {
  const template = templateJson({ sharedReadOnly: [{ name: 'Shared', prefix: 'shared/' }] });
  const { setup, outputs, ignored } = setupFromTemplate(template, { users: USERS });

  it('gives every resource one ID, used wherever the template refers to it', () => {
    const [pool] = setup.userPools;
    const [identityPool] = setup.identityPools;
    const [role] = setup.roles;
    expect(pool?.id).toMatch(/^ap-northeast-1_[A-Za-z0-9]{9}$/);
    expect(identityPool?.id).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    expect(identityPool?.providers).toEqual([
      { userPool: pool?.id, clients: [pool?.clients[0]?.id] },
    ]);
    expect(identityPool?.roles).toEqual({ authenticated: role?.arn });
    expect(JSON.stringify(role?.trustPolicy)).toContain(`"${identityPool?.id}"`);
    const bucket = setup.buckets[0]?.name ?? '';
    expect(role?.policy.Statement[0]?.Resource).toBe(
      `arn:aws:s3:::${bucket}/\${cognito-identity.amazonaws.com:sub}/*`,
    );
    // Synthesizing again gives the same IDs, so a data folder survives a re-run.
    expect(setupFromTemplate(template, { users: USERS }).setup).toEqual(setup);
  });

  it('keeps the pool’s sign-in, client flows, guests off and the TLS-only bucket policy', () => {
    const [pool] = setup.userPools;
    expect(pool?.usernameAttributes).toEqual(['email']);
    expect(pool?.mfaConfiguration).toBe('OPTIONAL');
    expect(pool?.passwordPolicy.minimumLength).toBe(12);
    expect(pool?.clients).toMatchObject([
      {
        name: 'hakobu-desktop',
        generateSecret: false,
        explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        idTokenValiditySeconds: 3600,
        refreshTokenValiditySeconds: 30 * 86400,
      },
    ]);
    expect(pool?.users.map((u) => u.username)).toEqual(['aiko@example.com']);
    expect(setup.identityPools[0]?.allowUnauthenticatedIdentities).toBe(false);
    expect(setup.buckets[0]?.policy?.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    ]);
    expect(ignored).toEqual([]);
  });

  it('outputs a Hakobu config that Hakobu’s own schema accepts', () => {
    const config = HakobuConfig.parse(JSON.parse(outputs.HakobuConfig ?? ''));
    const bucket = setup.buckets[0]?.name;
    expect(config).toMatchObject({
      region: 'ap-northeast-1',
      userPoolId: setup.userPools[0]?.id,
      clientId: setup.userPools[0]?.clients[0]?.id,
      identityPoolId: setup.identityPools[0]?.id,
      authFlow: 'USER_SRP_AUTH',
      locations: [
        { name: 'My files', bucket, prefix: '${identityId}/', access: 'readwrite' },
        { name: 'Shared', bucket, prefix: 'shared/', access: 'read' },
      ],
    });
  });

  it('maps groups to roles and keeps "choose role from token" with ambiguity denied', () => {
    const grouped = setupFromTemplate(
      templateJson({ groups: [{ name: 'design', precedence: 2 }], chooseRoleFromToken: true }),
    ).setup;
    const groupRole = grouped.userPools[0]?.groups[0]?.roleArn;
    expect(grouped.userPools[0]?.groups).toEqual([
      { name: 'design', precedence: 2, roleArn: expect.stringMatching(/GroupRole/) },
    ]);
    expect(grouped.roles.map((r) => r.arn)).toContain(groupRole);
    expect(grouped.identityPools[0]?.roleMapping).toEqual({
      type: 'Token',
      ambiguousRoleResolution: 'Deny',
    });
  });

  it('lists what it does not model, such as the managed-login domain', () => {
    const withLogin = setupFromTemplate(
      templateJson({ managedLogin: { domainPrefix: 'hakobu-test' } }),
    );
    expect(withLogin.ignored.map((r) => r.type).sort()).toEqual([
      'AWS::Cognito::ManagedLoginBranding',
      'AWS::Cognito::UserPoolDomain',
    ]);
    // Managed-login tokens get AWS keys from the same identity pool.
    expect(withLogin.setup.identityPools[0]?.providers[0]?.clients).toHaveLength(2);
  });
});

type Statement = Record<string, unknown>;
interface Resource {
  Type: string;
  Properties: { PolicyDocument?: { Statement: Statement[] }; Policies?: Resource['Properties'][] };
}
type Template = { Resources: Record<string, Resource> };

/** A fresh copy of the default template, to break on purpose. */
const freshTemplate = () => structuredClone(templateJson()) as Template;

/** The first statement of the first policy of the first resource of a type. */
function firstStatement(template: Template, type: string): Statement {
  const resource = Object.values(template.Resources).find((r) => r.Type === type);
  const document =
    resource?.Properties.PolicyDocument ?? resource?.Properties.Policies?.[0]?.PolicyDocument;
  const statement = document?.Statement[0];
  if (!statement) throw new Error(`no ${type} statement in the template`);
  return statement;
}

describe('templates local-aws cannot read faithfully', () => {
  it('refuses a role statement it would misread, naming the role and the key', () => {
    const template = freshTemplate();
    const statement = firstStatement(template, 'AWS::IAM::Role');
    statement.NotResource = statement.Resource;
    delete statement.Resource;
    expect(() => setupFromTemplate(template)).toThrow(
      /role IdentitiesAuthenticatedRole\w+ policy HakobuUserFolder statement 0: local-aws does not evaluate NotResource/,
    );
  });

  it('refuses an intrinsic function it does not implement', () => {
    const template = freshTemplate();
    firstStatement(template, 'AWS::IAM::Role').Resource = {
      'Fn::If': ['IsProd', 'arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'],
    };
    expect(() => setupFromTemplate(template)).toThrow(/Fn::If is not supported/);
  });
});

describe('npm run local-aws -- --template <file>', () => {
  const folder = mkdtempSync(join(tmpdir(), 'hakobu-template-file-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('starts the template’s pool with the demo user in it', () => {
    const file = join(folder, 'Hakobu.template.json');
    writeFileSync(file, JSON.stringify(templateJson()));
    expect(loadTemplateFile(file).userPools[0]?.users.map((u) => u.username)).toEqual([
      DEMO_USERNAME,
    ]);
  });

  it('names the file when it is not a template', () => {
    const file = join(folder, 'setup.json');
    writeFileSync(file, JSON.stringify({ userPools: [] }));
    expect(() => loadTemplateFile(file)).toThrow(
      `local-aws: template ${file}: not a CloudFormation template: Resources: Invalid input`,
    );
  });
});
