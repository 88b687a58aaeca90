import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKET } from '../../../local-aws/setup/default-setup';
import { resolveLocations } from '../../../src-main/core/library';
import { startLibraryWorld, type LibraryWorld } from './world';

const IDENTITY = 'ap-northeast-1:1f0c2b3a-4d5e-6f70-8192-a3b4c5d6e7f8';
const ARN = 'arn:aws:s3:ap-northeast-1:123456789012:accesspoint/team-photos';

describe('resolving locations', () => {
  it('fills the identity ID into prefix templates and keeps access and bucket as configured', () => {
    const resolved = resolveLocations(
      {
        region: 'ap-northeast-1',
        endpoints: {},
        locations: [
          { name: 'mine', bucket: 'b1', prefix: '${identityId}/', access: 'readwrite' },
          { name: 'inbox', bucket: ARN, prefix: 'inbox/${identityId}/', access: 'read' },
        ],
      },
      IDENTITY,
    );
    expect(
      resolved.map(({ name, bucket, prefix, access }) => ({ name, bucket, prefix, access })),
    ).toEqual([
      { name: 'mine', bucket: 'b1', prefix: `${IDENTITY}/`, access: 'readwrite' },
      { name: 'inbox', bucket: ARN, prefix: `inbox/${IDENTITY}/`, access: 'read' },
    ]);
  });

  it('refuses to build prefixes from something that is not an Identity Pool identity ID', () => {
    const config = {
      region: 'ap-northeast-1',
      endpoints: {},
      locations: [
        { name: 'mine', bucket: 'b1', prefix: '${identityId}/', access: 'readwrite' as const },
      ],
    };
    // A user-pool sub (a bare UUID) is pitfall S10's wrong prefix.
    for (const wrong of ['', '1f0c2b3a-4d5e-6f70-8192-a3b4c5d6e7f8', 'demo@hakobu.example']) {
      expect(() => resolveLocations(config, wrong)).toThrow(
        expect.objectContaining({ code: 'library.noIdentity' }),
      );
    }
  });
});

describe('locations against the stand-in', () => {
  let world: LibraryWorld;
  beforeAll(async () => {
    world = await startLibraryWorld();
  });
  afterAll(() => world.dispose());

  it('shows every location with the real prefix the files go to', () => {
    expect(world.library.locations()).toEqual([
      { name: 'photos', bucket: DEMO_BUCKET, prefix: `${world.identityId}/`, access: 'readwrite' },
      {
        name: 'archive',
        bucket: DEMO_BUCKET,
        prefix: `${world.identityId}/archive/`,
        access: 'read',
      },
      { name: 'team', bucket: DEMO_BUCKET, prefix: 'team/', access: 'read' },
    ]);
  });
});
