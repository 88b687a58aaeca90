import { describe, expect, it } from 'vitest';
import { configSandbox, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

// signIn decides where the authorization code and the refresh token go: Cognito's own domains,
// this computer, or a custom domain only IT's managed file may name.

const COGNITO_DOMAIN = 'https://example-corp.auth.ap-northeast-1.amazoncognito.com';
const { endpoints: _endpoints, ...cognito } = LOCAL_AWS_CONFIG;
const browser = (signIn: Record<string, unknown>) => ({
  ...LOCAL_AWS_CONFIG,
  signIn: { method: 'managedLogin', ...signIn },
});

function errorsOf(files: { user?: unknown; managed?: unknown }) {
  const box = configSandbox();
  if (files.user !== undefined) box.write(box.user, files.user);
  if (files.managed !== undefined) box.write(box.managed, files.managed);
  const result = box.load();
  return result.ok ? [] : result.errors;
}

describe('signIn in a configuration file', () => {
  it('defaults to the password form', () => {
    const box = configSandbox();
    box.write(box.user, LOCAL_AWS_CONFIG);
    expect(expectLoaded(box.load()).config.signIn).toEqual({ method: 'password' });
  });

  it('accepts a Cognito domain and a local-aws domain on this computer', () => {
    for (const domain of [COGNITO_DOMAIN, 'http://localhost:4567']) {
      const box = configSandbox();
      box.write(box.user, browser({ domain, callbackPorts: [47120, 47121] }));
      expect(expectLoaded(box.load()).config.signIn).toMatchObject({ domain });
    }
  });

  it('refuses http:// to a real host, a path, and a user name, naming the field and the fix', () => {
    const cases = [
      ['http://example-corp.auth.ap-northeast-1.amazoncognito.com', /unencrypted/],
      [`${COGNITO_DOMAIN}/login`, /no path/],
      ['https://me@example-corp.auth.ap-northeast-1.amazoncognito.com', /no user name/],
    ] as const;
    for (const [domain, why] of cases) {
      const [error] = errorsOf({ user: browser({ domain }) });
      expect(error).toMatchObject({ field: 'signIn.domain' });
      expect(error?.message).toMatch(why);
      expect(error?.fix).toBeTruthy();
    }
  });

  it('says what is missing when managed login has no domain', () => {
    const [error] = errorsOf({ user: browser({}) });
    expect(error?.message).toMatch(/signIn\.domain is not set/);
  });

  it('takes a custom domain only from IT’s managed file', () => {
    const custom = 'https://login.example.com';
    const [error] = errorsOf({ user: browser({ domain: custom }) });
    expect(error).toMatchObject({ code: 'CONFIG_SIGN_IN_DOMAIN_NOT_ALLOWED' });
    expect(error?.message).toMatch(/only from IT's managed configuration/);

    const box = configSandbox();
    box.write(box.user, LOCAL_AWS_CONFIG);
    box.write(box.managed, { signIn: { method: 'managedLogin', domain: custom } });
    const { config, origins } = expectLoaded(box.load());
    expect(config.signIn.domain).toBe(custom);
    expect(origins['signIn.domain']).toMatchObject({ source: 'managed', locked: true });
  });

  it('on a managed machine ignores a user file that points sign-in elsewhere', () => {
    const box = configSandbox();
    box.write(box.managed, {
      ...cognito,
      signIn: { method: 'managedLogin', domain: COGNITO_DOMAIN },
    });
    box.write(box.user, {
      ...LOCAL_AWS_CONFIG,
      signIn: { domain: 'https://attacker.auth.ap-northeast-1.amazoncognito.com' },
    });
    const { config, warnings } = expectLoaded(box.load());
    expect(config.signIn.domain).toBe(COGNITO_DOMAIN);
    expect(warnings.map((w) => w.field)).toContain('signIn.domain');
  });
});
