import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AIKO,
  BEN,
  scratchFolder,
  signIn,
  startBackend,
  synthTemplate,
  type Backend,
} from './backend';

// "Choose role from token" as the stack deploys it: a group's role comes from the ID token's
// cognito:preferred_role, and a user whose token names no role is refused (ambiguous = Deny).

const folder = scratchFolder('hakobu-infra-groups-');
let backend: Backend;

beforeAll(async () => {
  const template = synthTemplate(join(folder, 'cdk.out'), {
    groups: [
      { name: 'design', precedence: 1, sharedReadOnly: [{ name: 'Briefs', prefix: 'briefs/' }] },
    ],
    chooseRoleFromToken: true,
  });
  backend = await startBackend(template, folder, {
    users: [{ ...AIKO, groups: ['design'] }, BEN],
  });
});
afterAll(() => backend.la.dispose());

describe('group roles chosen from the token', () => {
  it('gives a group member the group role: the own folder plus the group’s shared folder', async () => {
    const aiko = await signIn(backend, AIKO, folder);
    const { bucket } = backend.config.locations[0] ?? { bucket: '' };
    const file = join(mkdtempSync(join(folder, 'src-')), 'moodboard.txt');
    writeFileSync(file, 'ideas');
    expect(await aiko.upload(file)).toMatchObject({
      state: 'completed',
      key: `${aiko.identityId}/moodboard.txt`,
    });
    // Only the group role may read briefs/: the default role would be AccessDenied here.
    const briefs = aiko.library([{ name: 'Briefs', bucket, prefix: 'briefs/', access: 'read' }]);
    expect((await briefs.list({ location: 'Briefs' })).objects).toEqual([]);
    aiko.dispose();
  });

  it('refuses keys to a user in no group, since the ambiguous role is denied', async () => {
    const ben = await signIn(backend, BEN, folder);
    await expect(ben.keys()).rejects.toThrow(/could not choose a role from your user-pool groups/);
    ben.dispose();
  });
});
