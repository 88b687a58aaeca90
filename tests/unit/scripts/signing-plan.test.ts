import { describe, expect, it } from 'vitest';
import { publishes, signingPlan, targetPlatforms } from '../../../scripts/release/signing-plan';

const MAC_CERT = { CSC_LINK: '/secure/developer-id.p12', CSC_KEY_PASSWORD: 'p12-password' };
const APPLE_ID = {
  APPLE_ID: 'release@hakobu.example',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
  APPLE_TEAM_ID: 'TEAM123456',
};
const WIN_CERT = { WIN_CSC_LINK: 'C:\\secure\\hakobu.pfx', WIN_CSC_KEY_PASSWORD: 'pfx-password' };

describe('npm run dist signing preflight', () => {
  it('builds unsigned by default, says so, and clears any signing variable it would pick up', () => {
    const plan = signingPlan({ argv: ['--mac'], env: { ...MAC_CERT }, hostPlatform: 'darwin' });
    expect(plan.kind).toBe('local');
    if (plan.kind !== 'local') return;
    expect(plan.notice).toContain('unsigned local build');
    expect(plan.unset.sort()).toEqual(['CSC_KEY_PASSWORD', 'CSC_LINK']);
    expect(plan.args).toContain('-c.mac.notarize=false');
  });

  it('refuses a HAKOBU_RELEASE=1 macOS build without credentials, naming each missing variable', () => {
    const plan = signingPlan({ argv: [], env: { HAKOBU_RELEASE: '1' }, hostPlatform: 'darwin' });
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') return;
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_API_KEY']) {
      expect(plan.message).toContain(name);
    }
    expect(plan.message).toContain('docs/release.md');
  });

  it('refuses a published macOS release that can sign but not notarize', () => {
    const plan = signingPlan({
      argv: ['--mac', '--publish', 'always'],
      env: { ...MAC_CERT, APPLE_ID: 'release@hakobu.example' },
      hostPlatform: 'darwin',
    });
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') return;
    expect(plan.message).toContain('notarization');
    expect(plan.message).toContain('missing: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID');
    expect(plan.message).not.toContain('macOS signing');
  });

  it('treats an empty variable as missing', () => {
    const plan = signingPlan({
      argv: ['--win'],
      env: { HAKOBU_RELEASE: '1', WIN_CSC_LINK: 'C:\\hakobu.pfx', WIN_CSC_KEY_PASSWORD: ' ' },
      hostPlatform: 'win32',
    });
    expect(plan.kind).toBe('refused');
  });

  it('signs a macOS release when the certificate and one notarization method are set', () => {
    const plan = signingPlan({
      argv: ['--publish', 'always'],
      env: { ...MAC_CERT, ...APPLE_ID },
      hostPlatform: 'darwin',
    });
    expect(plan).toMatchObject({ kind: 'release', platforms: ['mac'], args: [] });
  });

  it('signs a Windows release with a .pfx, or with Azure Trusted Signing passed on to electron-builder', () => {
    const pfx = signingPlan({
      argv: [],
      env: { HAKOBU_RELEASE: '1', ...WIN_CERT },
      hostPlatform: 'win32',
    });
    expect(pfx).toMatchObject({ kind: 'release', platforms: ['win'], args: [] });

    const azure = signingPlan({
      argv: ['--win'],
      env: {
        HAKOBU_RELEASE: '1',
        AZURE_TENANT_ID: 'tenant',
        AZURE_CLIENT_ID: 'client',
        AZURE_CLIENT_SECRET: 'secret',
        HAKOBU_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
        HAKOBU_AZURE_SIGNING_ACCOUNT: 'hakobu',
        HAKOBU_AZURE_CERTIFICATE_PROFILE: 'hakobu-public',
      },
      hostPlatform: 'linux',
      windowsPublisher: 'Hakobu K.K.',
    });
    expect(azure.kind).toBe('release');
    if (azure.kind !== 'release') return;
    expect(azure.args).toContain(
      '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net',
    );
    expect(azure.args).toContain('-c.win.azureSignOptions.certificateProfileName=hakobu-public');
    expect(azure.args).toContain('-c.win.azureSignOptions.publisherName=Hakobu K.K.');
  });

  it('needs no credentials for a Linux-only release', () => {
    const plan = signingPlan({
      argv: ['--linux', '--publish', 'always'],
      env: {},
      hostPlatform: 'linux',
    });
    expect(plan).toMatchObject({ kind: 'release', platforms: [] });
    if (plan.kind === 'release') expect(plan.notice).toContain('Linux packages are not signed');
  });

  it('asks for both platforms when one run builds macOS and Windows', () => {
    const plan = signingPlan({
      argv: ['--mac', '--win'],
      env: { HAKOBU_RELEASE: '1', ...WIN_CERT, ...APPLE_ID },
      hostPlatform: 'darwin',
    });
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') return;
    expect(plan.message).toContain('macOS signing');
    expect(plan.message).not.toContain('Windows signing');
  });
});

describe('reading electron-builder arguments', () => {
  it('counts --publish with any value but never as publishing', () => {
    expect(publishes(['--publish', 'always'])).toBe(true);
    expect(publishes(['-p', 'onTag'])).toBe(true);
    expect(publishes(['--publish=onTagOrDraft'])).toBe(true);
    expect(publishes(['--publish'])).toBe(true);
    expect(publishes(['--publish', '--mac'])).toBe(true);
    expect(publishes(['--publish', 'never'])).toBe(false);
    expect(publishes(['--publish=never'])).toBe(false);
    expect(publishes(['--mac'])).toBe(false);
  });

  it('takes the platforms named on the command line, else the host', () => {
    expect(targetPlatforms(['-m', '-w'], 'linux')).toEqual(['mac', 'win']);
    expect(targetPlatforms(['--linux'], 'darwin')).toEqual([]);
    expect(targetPlatforms([], 'darwin')).toEqual(['mac']);
    expect(targetPlatforms([], 'win32')).toEqual(['win']);
    expect(targetPlatforms([], 'linux')).toEqual([]);
  });
});
