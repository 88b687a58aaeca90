import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginDemo, newMachine, runCli, type CliMachine } from './cli-harness';
import { listKeys, useStandInWithUser } from './s3-check';

const env = useStandInWithUser();
let machine: CliMachine;
beforeAll(async () => {
  machine = newMachine(env.la);
  await loginDemo(machine, env.la);
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('hakobu upload keeps to what the user chose', () => {
  it('skips links that lead out of a dropped folder, in one note, and uploads the rest', async () => {
    // A folder "unpacked from an archive" whose links point at the user's home.
    const secrets = join(machine.home, 'secrets');
    mkdirSync(join(secrets, 'ssh'), { recursive: true });
    writeFileSync(join(secrets, 'id_rsa'), 'private key');
    writeFileSync(join(secrets, 'ssh', 'config'), 'Host *');
    const drop = join(machine.home, 'unpacked');
    mkdirSync(join(drop, 'photos'), { recursive: true });
    writeFileSync(join(drop, 'photos', 'cat.jpg'), 'a cat');
    symlinkSync(join(secrets, 'id_rsa'), join(drop, 'innocent.jpg'));
    symlinkSync(join(secrets, 'ssh'), join(drop, 'photos', 'more'));
    symlinkSync(join('photos', 'cat.jpg'), join(drop, 'same-cat.jpg')); // inside: uploaded

    const result = await runCli(machine, ['upload', drop]);

    expect(result.code).toBe(0);
    const notes = result.stderr.split('\n').filter((line) => line.includes('outside the folder'));
    expect(notes).toEqual([
      expect.stringContaining(
        '2 links outside the folder were skipped (unpacked/innocent.jpg, unpacked/photos/more)',
      ),
    ]);
    const keys = (await listKeys(env.user)).map((k) => k.key.slice(env.user.prefix.length));
    expect(keys.filter((k) => k.startsWith('unpacked/')).sort()).toEqual([
      'unpacked/photos/cat.jpg',
      'unpacked/same-cat.jpg',
    ]);
  });

  it('makes the app-data folder and the journal folder private (0700)', async () => {
    chmodSync(machine.userData, 0o755);
    const file = join(machine.home, 'note.txt');
    writeFileSync(file, 'a note');

    expect((await runCli(machine, ['upload', file])).code).toBe(0);

    expect(modeOf(machine.userData)).toBe('700');
    const transfers = join(machine.userData, 'transfers');
    for (const identity of readdirSync(transfers)) {
      expect(modeOf(join(transfers, identity))).toBe('700');
    }
  });
});
