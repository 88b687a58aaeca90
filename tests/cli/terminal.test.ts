import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { demoUser } from '../helpers/sign-in';
import { loginDemo, newMachine, runCli, startCli, waitFor } from './cli-harness';
import { listKeys, userS3 } from './s3-check';

let la: TestLocalAws;

beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(async () => {
  await la.dispose();
});

/** How many times `text` occurs in `output`. */
const occurrences = (output: string, text: string) => output.split(text).length - 1;

describe('hakobu at a terminal', () => {
  it('asks for the username and a password it does not show', async () => {
    const machine = newMachine(la);
    const { username, password } = demoUser(la);
    const cli = startCli(machine, ['login'], { terminal: true });
    await waitFor(() => cli.stdout().includes('Username: '), 'the username prompt');
    cli.child.stdin?.write(`${username}\r`);
    await waitFor(() => cli.stdout().includes('Password: '), 'the password prompt');
    cli.child.stdin?.write(`${password}\r`);
    await waitFor(() => cli.stdout().includes('Logged in as'), 'the login');
    cli.child.stdin?.end();
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(username);
    expect(result.stdout).not.toContain(password);
    await runCli(machine, ['logout']);
  });

  it('asks about each existing name; a capital letter answers for all the rest', async () => {
    const machine = newMachine(la, { concurrency: 1 });
    await loginDemo(machine, la);
    const user = await userS3(la);
    const folder = join(machine.home, 'notes');
    mkdirSync(folder);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(folder, name), name);
    expect((await runCli(machine, ['upload', folder])).code).toBe(0);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(folder, name), `${name} v2`);

    const question = '[o]verwrite, [s]kip or [r]ename?';
    const cli = startCli(machine, ['upload', folder], { terminal: true });
    await waitFor(() => occurrences(cli.stdout(), question) === 1, 'the first question');
    cli.child.stdin?.write('x\r');
    await waitFor(() => occurrences(cli.stdout(), question) === 2, 'the question again');
    expect(cli.stdout()).toContain('Type o, s or r');
    // The uploads run side by side, so S3 may refuse any of the three first: that one is renamed.
    const first = /notes\/(\w)\.txt already exists/.exec(cli.stdout())?.[1];
    cli.child.stdin?.write('r\r');
    await waitFor(() => occurrences(cli.stdout(), question) === 3, 'the next question');
    cli.child.stdin?.write('O\r');
    await waitFor(() => cli.stdout().includes('Uploaded 3 files'), 'the summary');
    cli.child.stdin?.end();
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(occurrences(result.stdout, question)).toBe(3);
    // The progress bar was drawn (and wiped before the summary).
    expect(result.stdout).toMatch(/\d+% \[█*░*\] \d+ B \/ 24 B/);

    const keys = (await listKeys(user)).map((k) => k.key.slice(user.prefix.length)).sort();
    expect(keys).toEqual(
      ['notes/a.txt', 'notes/b.txt', 'notes/c.txt', `notes/${first ?? '?'} (1).txt`].sort(),
    );
  });
});
