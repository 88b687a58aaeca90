import { TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore, signInAccount } from '../../src-main/core/secrets';
import { latestCode } from '../helpers/codes';
import { configFor } from '../helpers/config';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { demoUser, poolUsername } from '../helpers/sign-in';
import { loginDemo, newMachine, runCli, startCli, waitFor, type CliMachine } from './cli-harness';

let la: TestLocalAws;
const keychain = new KeytarSecretStore();

beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(async () => {
  await la.dispose();
});

/** A line written by a person reading the terminal: no stack frames, no internals. */
function expectPlainError(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('hakobu login, whoami and logout', () => {
  it('logs in from a script, shows the identity prefix, and logout forgets the sign-in', async () => {
    const machine = newMachine(la);
    const { username, password } = demoUser(la);
    const login = await runCli(machine, ['login', '--username', username, '--password-stdin'], {
      input: `${password}\n`,
    });
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Logged in as ${username}.`);
    expect(login.stdout).toMatch(/kept in Secret Service/);
    expect(
      await keychain.get(signInAccount(configFor(la), poolUsername(la, username))),
    ).not.toBeNull();

    // A new process: the sign-in comes back from the keychain.
    const whoami = await runCli(machine, ['whoami', '--json']);
    expect(whoami.code).toBe(0);
    const me = JSON.parse(whoami.stdout) as {
      username: string;
      identityId: string;
      locations: { name: string; prefix: string }[];
    };
    expect(me.username).toBe(username);
    expect(me.identityId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    expect(me.locations).toEqual([
      expect.objectContaining({ name: la.info.bucket, prefix: `${me.identityId}/` }),
    ]);
    const words = await runCli(machine, ['whoami']);
    expect(words.stdout).toContain(`s3://${la.info.bucket}/${me.identityId}/`);

    const logout = await runCli(machine, ['logout']);
    expect(logout.code).toBe(0);
    expect(await keychain.get(signInAccount(configFor(la), poolUsername(la, username)))).toBeNull();

    const after = await runCli(machine, ['whoami']);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('Run `hakobu login`');
    expectPlainError(after.stderr);
  });

  it('refuses a wrong password with one plain line and exit status 1', async () => {
    const machine = newMachine(la);
    const result = await runCli(
      machine,
      ['login', '--username', demoUser(la).username, '--password-stdin'],
      { input: 'not-the-password\n' },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hakobu: .*password/im);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await runCli(machine, ['whoami'])).toMatchObject({ code: 1 });
  });

  it('tells apart usage mistakes (exit 2) from failures', async () => {
    const machine = newMachine(la);
    const unknown = await runCli(machine, ['upload', '--no-such-option', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('hakobu upload --help');
    expect((await runCli(machine, ['frobnicate'])).code).toBe(2);
    const help = await runCli(machine, ['upload', '--help']);
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toMatch(/^Usage: hakobu upload/);
  });

  it('works without a keychain, and says the login lasts for this command only', async () => {
    const machine = newMachine(la);
    const noKeychain = {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${machine.home}/no-bus`,
      GNOME_KEYRING_CONTROL: '',
    };
    const { username, password } = demoUser(la);
    const login = await runCli(machine, ['login', '--username', username, '--password-stdin'], {
      input: `${password}\n`,
      env: noKeychain,
    });
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Logged in as ${username}.`);
    expect(login.stdout).toMatch(/Session-only mode/);
    expect(login.stdout).toMatch(/next hakobu command will ask you to log in again/);

    const whoami = await runCli(machine, ['whoami'], { env: noKeychain });
    expect(whoami.code).toBe(1);
    expect(whoami.stderr).toContain('hakobu login');

    // Scripts log in on the way instead.
    const inline = await runCli(
      machine,
      ['whoami', '--username', username, '--password-stdin', '--json'],
      { input: `${password}\n`, env: noKeychain },
    );
    expect(inline.code).toBe(0);
    expect(JSON.parse(inline.stdout)).toMatchObject({ username });
  });

  it('checks the setup with doctor, and explains a pasted error', async () => {
    const machine = newMachine(la);
    await loginDemo(machine, la);
    const doctor = await runCli(machine, ['doctor', '--json']);
    expect(doctor.code).toBe(0);
    const report = JSON.parse(doctor.stdout) as { ok: boolean; steps: { status: string }[] };
    expect(report.ok).toBe(true);
    expect(report.steps.filter((s) => s.status === 'ok').length).toBeGreaterThan(5);

    const explained = await runCli(machine, [
      'doctor',
      '--explain',
      'NotAuthorizedException: Invalid login token. Missing a required claim: aud',
    ]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^Cause: .*access token/m);
    expect(explained.stdout).toContain('pitfall S1');
    await runCli(machine, ['logout']);
  });

  it('is already logged in when run again, and names the user who is', async () => {
    const machine = newMachine(la);
    await loginDemo(machine, la);
    const again = await runCli(machine, ['login']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already logged in');
    const other = await runCli(machine, ['login', '--username', 'someone@else.example']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('hakobu logout');
    await runCli(machine, ['logout']);
  });
});

const NEWBIE = 'newbie@hakobu.example';
const TEMP_PASSWORD = 'Temporary-2026!';
const TOTP_USER = 'totp@hakobu.example';
const SMS_USER = 'sms@hakobu.example';
const PASSWORD = 'Hakobu-user-2026!';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

// The keychain belongs to the OS user, not to a HOME: every machine of one test shares it, so
// each test logs out to leave the next one signed out.
async function logout(machine: CliMachine) {
  expect((await runCli(machine, ['logout'])).code).toBe(0);
}

describe('hakobu login answers every challenge from a script', () => {
  let strict: TestLocalAws;
  beforeAll(async () => {
    strict = await startTestLocalAws((base) => {
      const [pool, ...rest] = base.userPools;
      if (!pool) throw new Error('the default setup has no user pool');
      const users = [
        ...pool.users,
        { username: NEWBIE, password: TEMP_PASSWORD, status: 'FORCE_CHANGE_PASSWORD' },
        { username: TOTP_USER, password: PASSWORD, totpSecret: TOTP_SECRET },
        { username: SMS_USER, password: PASSWORD, phoneNumber: '+819012345678', smsMfa: true },
      ];
      return { ...base, userPools: [{ ...pool, mfaConfiguration: 'ON', users }, ...rest] };
    });
  });
  afterAll(async () => {
    await strict.dispose();
  });

  it('sets a new password, then enrols an authenticator app from the printed secret', async () => {
    const machine = newMachine(strict);
    const cli = startCli(machine, ['login', '--username', NEWBIE, '--password-stdin']);
    cli.answer(TEMP_PASSWORD);
    cli.answer(PASSWORD);
    await waitFor(() => /URI: +otpauth:/.test(cli.stderr()), 'the enrolment instructions');
    const uri = /URI: +(otpauth:\S+)/.exec(cli.stderr())?.[1] ?? '';
    const totp = URI.parse(uri);
    if (!(totp instanceof TOTP)) throw new Error(`not a TOTP URI: ${uri}`);
    expect(cli.stderr()).toContain(`Secret key: ${totp.secret.base32.match(/.{1,4}/g)?.join(' ')}`);
    cli.answer(totp.generate());
    const result = await cli.result;
    expect(result.stderr).toContain('temporary password');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Logged in as ${NEWBIE}.`);
    await logout(machine);
  });

  it('takes the authenticator code on the next line of stdin', async () => {
    const machine = newMachine(strict);
    const code = new TOTP({ secret: TOTP_SECRET }).generate();
    const result = await runCli(machine, ['login', '--username', TOTP_USER, '--password-stdin'], {
      input: `${PASSWORD}\n${code}\n`,
    });
    expect(result.stderr).toContain('Code from your authenticator app');
    expect(result.code).toBe(0);
    await logout(machine);
  });

  it('asks for the texted code, naming only the end of the number', async () => {
    const machine = newMachine(strict);
    const cli = startCli(machine, ['login', '--username', SMS_USER, '--password-stdin']);
    cli.answer(PASSWORD);
    await waitFor(() => cli.stderr().includes('Code sent by text message'), 'the SMS prompt');
    expect(cli.stderr()).toMatch(/to \S*5678/);
    expect(cli.stderr()).not.toContain('9012345678');
    cli.answer(latestCode(strict, SMS_USER, 'sms-mfa'));
    expect((await cli.result).code).toBe(0);
    await logout(machine);
  });

  it('fails a script that sends a wrong code, without retrying', async () => {
    const machine = newMachine(strict);
    const result = await runCli(machine, ['login', '--username', TOTP_USER, '--password-stdin'], {
      input: `${PASSWORD}\nabc\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('6 to 8 digits');
  });
});
