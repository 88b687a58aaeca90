import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-main/core/config';

const children: ChildProcess[] = [];
/** npm does not pass signals on to the server it started: stop the whole process group. */
const stop = (child: ChildProcess) => {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
};
afterEach(() => children.splice(0).forEach(stop));

/** Runs `npm run local-aws` as a newcomer would and waits for its ready line. */
function startCli(args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn('npm', ['run', '--silent', 'local-aws', '--', ...args], {
    cwd: join(import.meta.dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('local-aws ready '));
      if (line) resolve({ child, line });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`local-aws exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

describe('npm run local-aws', () => {
  it('announces itself, writes local-aws.json and a ready app config, and keeps users across restarts', async () => {
    const data = mkdtempSync(join(tmpdir(), 'hakobu-local-aws-cli-'));
    try {
      const first = await startCli(['--port', '0', '--data', data]);
      const info = JSON.parse(readFileSync(join(data, 'local-aws.json'), 'utf8')) as {
        endpoint: string;
        region: string;
        userPoolId: string;
        clientId: string;
        identityPoolId: string;
        bucket: string;
        demoUser: { username: string; password: string };
        appConfig: string;
      };
      expect(first.line).toBe(`local-aws ready ${info.endpoint}`);
      expect(info).toMatchObject({ region: 'ap-northeast-1', bucket: 'hakobu-demo' });
      expect(info.userPoolId).toMatch(/^ap-northeast-1_\w+$/);
      expect(info.identityPoolId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
      const config = loadConfig({
        userConfigPath: join(data, 'no-user-config.json'),
        configPath: info.appConfig,
      });
      expect(config.ok).toBe(true);

      const signIn = async (endpoint: string) =>
        new CognitoIdentityProviderClient({ region: info.region, endpoint }).send(
          new InitiateAuthCommand({
            ClientId: info.clientId,
            AuthFlow: 'USER_SRP_AUTH',
            AuthParameters: { USERNAME: info.demoUser.username, SRP_A: 'a'.repeat(768) },
          }),
        );
      // The demo user exists: SRP starts with a PASSWORD_VERIFIER challenge.
      expect((await signIn(info.endpoint)).ChallengeName).toBe('PASSWORD_VERIFIER');

      stop(first.child);
      await exited(first.child);
      const second = await startCli(['--port', '0', '--data', data]);
      const again = JSON.parse(readFileSync(join(data, 'local-aws.json'), 'utf8')) as typeof info;
      expect(again.userPoolId).toBe(info.userPoolId);
      expect(again.clientId).toBe(info.clientId);
      expect((await signIn(again.endpoint)).ChallengeName).toBe('PASSWORD_VERIFIER');
      stop(second.child);
      await exited(second.child);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('refuses an invalid setup file with the field that is wrong', async () => {
    const data = mkdtempSync(join(tmpdir(), 'hakobu-local-aws-cli-'));
    const setup = join(data, 'setup.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      setup,
      JSON.stringify({
        userPools: [{ name: 'p', clients: [{ name: 'c', explicitAuthFlows: ['ALLOW_MAGIC'] }] }],
      }),
    );
    await expect(
      startCli(['--port', '0', '--data', join(data, 'd'), '--setup', setup]),
    ).rejects.toThrow(/userPools\.0\.clients\.0\.explicitAuthFlows\.0/);
    rmSync(data, { recursive: true, force: true });
  });
});
