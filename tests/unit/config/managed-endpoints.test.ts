import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saveUserConfig } from '../../../src-main/core/config';
import { configSandbox, expectLoaded, LOCAL_AWS_CONFIG } from './helpers';

// On a managed machine the endpoints (where sign-in tokens go) are IT's alone to set, even when
// IT's file does not mention them: then Hakobu talks to AWS itself, whatever a user file says.

const { endpoints, locations: _locations, ...cognito } = LOCAL_AWS_CONFIG;
const STAND_IN = 'http://127.0.0.1:4566';
const MANAGED = { ...cognito, locations: [{ name: 'Corp', bucket: 'corp-bucket' }] };

describe('endpoints on a machine with a managed file', () => {
  it('ignores endpoints in the user file when the managed file sets none, and says why', () => {
    const box = configSandbox();
    box.write(box.managed, MANAGED);
    box.write(box.user, { endpoints: { cognitoIdp: STAND_IN, s3: STAND_IN } });
    const { config, origins, warnings } = expectLoaded(box.load());

    expect(config.endpoints).toEqual({});
    for (const key of ['cognitoIdp', 'cognitoIdentity', 's3']) {
      expect(origins[`endpoints.${key}`]).toEqual({
        source: 'managed',
        file: box.managed,
        locked: true,
      });
    }
    expect(warnings.map((w) => [w.code, w.file, w.field])).toEqual([
      ['CONFIG_LOCKED_KEY_IGNORED', box.user, 'endpoints.cognitoIdp'],
      ['CONFIG_LOCKED_KEY_IGNORED', box.user, 'endpoints.s3'],
    ]);
    expect(warnings[0]?.message).toContain(`only ${box.managed} may set endpoints`);
    expect(warnings[0]?.message).toContain('Hakobu uses AWS itself');
  });

  it('does not let a HAKOBU_CONFIG file add an endpoint the managed file leaves out', () => {
    const box = configSandbox();
    const vpce = 'https://vpce-0a1b2c3d-abcdefgh.cognito-idp.ap-northeast-1.vpce.amazonaws.com';
    box.write(box.managed, { ...MANAGED, endpoints: { cognitoIdp: vpce } });
    box.write(box.env, { endpoints: { ...endpoints, cognitoIdp: STAND_IN } });
    const { config, warnings } = expectLoaded(box.load({ withEnvFile: true }));

    expect(config.endpoints).toEqual({ cognitoIdp: vpce });
    expect(warnings.map((w) => [w.file, w.field])).toEqual([
      [box.env, 'endpoints.cognitoIdp'],
      [box.env, 'endpoints.cognitoIdentity'],
      [box.env, 'endpoints.s3'],
    ]);
  });

  it('leaves endpoints to the user files when there is no managed file (local-aws development)', () => {
    const box = configSandbox();
    box.write(box.env, LOCAL_AWS_CONFIG);
    const { config, origins } = expectLoaded(box.load({ withEnvFile: true }));
    expect(config.endpoints).toEqual(endpoints);
    expect(origins['endpoints.s3']).toMatchObject({ source: 'env', locked: false });
  });

  it('refuses to save an endpoint on a managed machine, writing nothing, but lets one be removed', () => {
    const box = configSandbox();
    box.write(box.managed, MANAGED);
    const userFile = box.write(box.user, { endpoints: { s3: STAND_IN }, ui: { theme: 'dark' } });
    const original = readFileSync(userFile, 'utf8');
    const options = box.options();

    const refused = saveUserConfig({ ...options, patch: { endpoints: { cognitoIdp: STAND_IN } } });
    expect(refused).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          code: 'CONFIG_LOCKED_KEY',
          file: userFile,
          field: 'endpoints.cognitoIdp',
          message: `endpoints.cognitoIdp can be set only by ${box.managed} on this computer (endpoints decide where sign-in tokens are sent), so it cannot be changed.`,
        }),
      ],
    });
    expect(readFileSync(userFile, 'utf8')).toBe(original);

    expect(saveUserConfig({ ...options, patch: { endpoints: null } }).ok).toBe(true);
    expect(JSON.parse(readFileSync(userFile, 'utf8'))).toEqual({ ui: { theme: 'dark' } });
  });
});
