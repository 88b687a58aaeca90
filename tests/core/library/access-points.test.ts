import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HakobuConfig } from '../../../src-main/core/config/schema';
import { createLibrary, type Library, type LibraryConfig } from '../../../src-main/core/library';
import { demoCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import {
  SEED_001_DIR,
  seed001Setup,
  type Seed001Json,
} from '../../local-aws/s3-access-points/access-point-kit';

let la: TestLocalAws | undefined;
let library: Library | undefined;
const cacheDir = mkdtempSync(join(tmpdir(), 'hakobu-ap-thumbs-'));
afterEach(async () => {
  library?.dispose();
  library = undefined;
  await la?.dispose();
  la = undefined;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Seed 001 (optionally changed), and Hakobu's library over the config local-aws wrote for it. */
async function seed001Library(
  change?: (setup: Seed001Json) => void,
  locations?: (config: HakobuConfig) => LibraryConfig['locations'],
): Promise<Library> {
  la = await startTestLocalAws(seed001Setup(change));
  const config = HakobuConfig.parse(JSON.parse(readFileSync(la.info.appConfig, 'utf8')));
  const me = await demoCredentials(la);
  library = createLibrary({
    config: {
      region: config.region,
      endpoints: config.endpoints,
      locations: locations?.(config) ?? config.locations,
    },
    identityId: me.identityId,
    credentials: async () => me.credentials,
    forceRefresh: async () => undefined,
    thumbnails: { cacheDir },
  });
  return library;
}

const names = async (library: Library, location: string) =>
  (await library.list({ location })).objects.map((object) => object.name);

const refusal = (library: Library, location: string) =>
  library.list({ location }).then(
    () => 'listed',
    (error: unknown) => (error as { code?: string }).code,
  );

describe('the library over seed 001 access points', () => {
  it('browses both access points with one identity, thumbnails included', async () => {
    const library = await seed001Library();
    expect(library.locations().map((l) => [l.name, l.bucket])).toEqual([
      ['cat', 'arn:aws:s3:ap-northeast-1:012345678912:accesspoint/cat'],
      ['dog', 'arn:aws:s3:ap-northeast-1:012345678912:accesspoint/dog'],
    ]);
    expect(await names(library, 'cat')).toEqual(['kitten-2.png', 'kitten.png']);
    expect(await names(library, 'dog')).toEqual(['puppy-2.png', 'puppy.png']);
    const thumb = await library.media({
      kind: 'thumb',
      location: 'dog',
      relativePath: 'puppy.png',
    });
    expect(thumb.status).toBe(200);
    expect((await thumb.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('is refused where the access point policy denies, and only there', async () => {
    const library = await seed001Library((setup) => {
      const dog = setup.accessPoints.find((point) => point.name === 'dog');
      if (dog) {
        dog.policy = {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:ListBucket',
              Resource: `arn:aws:s3:ap-northeast-1:${setup.accountId}:accesspoint/dog`,
            },
          ],
        };
      }
    });
    expect(await refusal(library, 'dog')).toBe('library.accessDenied');
    expect(await names(library, 'cat')).toEqual(['kitten-2.png', 'kitten.png']);
  });

  it('is refused when the bucket does not delegate to its access points', async () => {
    const library = await seed001Library((setup) => {
      const cat = setup.buckets.find((bucket) => bucket.name === 'test-bucket-cat');
      if (cat) delete cat.policy;
    });
    expect(await refusal(library, 'cat')).toBe('library.accessDenied');
    expect(await names(library, 'dog')).toEqual(['puppy-2.png', 'puppy.png']);
  });

  it('is refused when the role does not grant the access point', async () => {
    const library = await seed001Library((setup) => {
      const role = setup.roles[0];
      if (role) {
        role.policy = {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
        };
      }
    });
    expect(await refusal(library, 'cat')).toBe('library.accessDenied');
  });

  it('names an access point that does not exist, in this account or under a wrong account ID', async () => {
    const library = await seed001Library(undefined, (config) => [
      ...config.locations,
      {
        name: 'birds',
        bucket: 'arn:aws:s3:ap-northeast-1:012345678912:accesspoint/bird',
        prefix: '',
        access: 'read',
      },
      {
        name: 'other account',
        bucket: 'arn:aws:s3:ap-northeast-1:999999999999:accesspoint/cat',
        prefix: '',
        access: 'read',
      },
    ]);
    expect(await refusal(library, 'birds')).toBe('library.noSuchAccessPoint');
    expect(await refusal(library, 'other account')).toBe('library.noSuchAccessPoint');
  });
});

describe('the seed 001 example', () => {
  it('ships a Hakobu config whose two locations are the access point ARNs', () => {
    const file = JSON.parse(readFileSync(join(SEED_001_DIR, 'hakobu.config.json'), 'utf8'));
    const config = HakobuConfig.parse(file);
    expect(config.locations.map((location) => location.bucket)).toEqual([
      'arn:aws:s3:ap-northeast-1:012345678912:accesspoint/cat',
      'arn:aws:s3:ap-northeast-1:012345678912:accesspoint/dog',
    ]);
  });
});
