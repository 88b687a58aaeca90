import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { demoCredentials } from '../../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import {
  accessPointArn,
  accessPointClient,
  bucketClient,
  s3Log,
  seed001Setup,
  type Seed001Json,
} from './access-point-kit';

let la: TestLocalAws | undefined;
const clients: S3Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await la?.dispose();
  la = undefined;
});

async function start(change?: (setup: Seed001Json) => void) {
  la = await startTestLocalAws(seed001Setup(change));
  const me = await demoCredentials(la);
  const viaPoints = accessPointClient(la, me);
  const direct = bucketClient(la, me);
  clients.push(viaPoints, direct);
  return { la, viaPoints, direct };
}

/** What S3 answered: its error code and HTTP status, or 'ok'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof S3ServiceException) {
      return `${error.name} ${error.$metadata.httpStatusCode ?? ''}`.trim();
    }
    throw error;
  }
}

const list = (client: S3Client, bucket: string) =>
  client.send(new ListObjectsV2Command({ Bucket: bucket }));
const get = (client: S3Client, bucket: string, key: string) =>
  client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));

describe('S3 access points in local-aws', () => {
  test('seed 001: the SDK lists and reads both buckets by access point ARN, by host name', async () => {
    const { la, viaPoints } = await start();
    const cats = await list(viaPoints, accessPointArn(la, 'cat'));
    const dogs = await list(viaPoints, accessPointArn(la, 'dog'));
    expect(cats.Contents?.map((o) => o.Key)).toEqual(['kitten-2.png', 'kitten.png']);
    expect(dogs.Contents?.map((o) => o.Key)).toEqual(['puppy-2.png', 'puppy.png']);
    const kitten = await get(viaPoints, accessPointArn(la, 'cat'), 'kitten.png');
    const bytes = await kitten.Body?.transformToByteArray();
    expect(
      Buffer.from(bytes ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // local-aws logs a GET when its response has finished, which may come after the last byte
    // reached the client.
    await vi.waitFor(() =>
      expect(s3Log(la)).toContainEqual(
        expect.objectContaining({
          action: 'GetObject',
          accessPoint: 'cat',
          bucket: 'test-bucket-cat',
          key: 'kitten.png',
          status: 200,
        }),
      ),
    );
  });

  test("the setup's objects are stored once, and survive a restart", async () => {
    const started = await start();
    expect(started.la.context.state.buckets['test-bucket-cat']?.seedObjects).toBeUndefined();
    la = await started.la.restart();
    const me = await demoCredentials(la);
    const again = accessPointClient(la, me);
    clients.push(again);
    const cats = await list(again, accessPointArn(la, 'cat'));
    expect(cats.Contents?.map((o) => [o.Key, o.Size])).toEqual([
      ['kitten-2.png', expect.any(Number)],
      ['kitten.png', expect.any(Number)],
    ]);
  });

  test('writes through an access point land in its bucket', async () => {
    const { la, viaPoints } = await start();
    await viaPoints.send(
      new PutObjectCommand({
        Bucket: accessPointArn(la, 'dog'),
        Key: 'new/puppy.txt',
        Body: Buffer.from('woof'),
      }),
    );
    const back = await get(viaPoints, accessPointArn(la, 'dog'), 'new/puppy.txt');
    expect(await back.Body?.transformToString()).toBe('woof');
  });

  test('the role that grants only the access points cannot use the buckets directly', async () => {
    const { direct } = await start();
    expect(await outcome(list(direct, 'test-bucket-cat'))).toBe('AccessDenied 403');
    expect(await outcome(get(direct, 'test-bucket-cat', 'kitten.png'))).toBe('AccessDenied 403');
  });

  test('an access point policy that denies wins over the role and the bucket that allow', async () => {
    const { la, viaPoints } = await start((setup) => {
      const cat = setup.accessPoints.find((p) => p.name === 'cat');
      if (cat) {
        cat.policy = {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:ap-northeast-1:${setup.accountId}:accesspoint/cat/object/*`,
            },
          ],
        };
      }
    });
    expect(await outcome(get(viaPoints, accessPointArn(la, 'cat'), 'kitten.png'))).toBe(
      'AccessDenied 403',
    );
    // Listing is not denied, and the other access point is untouched.
    expect(await outcome(list(viaPoints, accessPointArn(la, 'cat')))).toBe('ok');
    expect(await outcome(get(viaPoints, accessPointArn(la, 'dog'), 'puppy.png'))).toBe('ok');
  });

  test('an access point policy alone grants what the role does not (same account)', async () => {
    const { la, viaPoints } = await start((setup) => {
      const role = setup.roles[0];
      if (role) {
        role.policy = {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }],
        };
      }
      const dog = setup.accessPoints.find((p) => p.name === 'dog');
      if (dog && role) {
        dog.policy = {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: role.arn },
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:ap-northeast-1:${setup.accountId}:accesspoint/dog/object/*`,
            },
          ],
        };
      }
    });
    expect(await outcome(get(viaPoints, accessPointArn(la, 'dog'), 'puppy.png'))).toBe('ok');
    expect(await outcome(get(viaPoints, accessPointArn(la, 'cat'), 'kitten.png'))).toBe(
      'AccessDenied 403',
    );
  });

  test('without a bucket policy that delegates to access points, the bucket refuses', async () => {
    const { la, viaPoints } = await start((setup) => {
      for (const bucket of setup.buckets) delete bucket.policy;
    });
    expect(await outcome(list(viaPoints, accessPointArn(la, 'cat')))).toBe('AccessDenied 403');
    expect(await outcome(get(viaPoints, accessPointArn(la, 'dog'), 'puppy.png'))).toBe(
      'AccessDenied 403',
    );
  });

  test('a role that leaves one access point out is refused there only', async () => {
    const { la, viaPoints } = await start((setup) => {
      const role = setup.roles[0];
      if (role) {
        role.policy = {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:*',
              Resource: [
                `arn:aws:s3:ap-northeast-1:${setup.accountId}:accesspoint/cat`,
                `arn:aws:s3:ap-northeast-1:${setup.accountId}:accesspoint/cat/object/*`,
              ],
            },
          ],
        };
      }
    });
    expect(await outcome(list(viaPoints, accessPointArn(la, 'cat')))).toBe('ok');
    expect(await outcome(list(viaPoints, accessPointArn(la, 'dog')))).toBe('AccessDenied 403');
  });

  test('an unknown access point, or one of another account, is NoSuchAccessPoint', async () => {
    const { la, viaPoints } = await start();
    expect(await outcome(list(viaPoints, accessPointArn(la, 'bird')))).toBe(
      'NoSuchAccessPoint 404',
    );
    expect(await outcome(list(viaPoints, accessPointArn(la, 'cat', '999999999999')))).toBe(
      'NoSuchAccessPoint 404',
    );
    const refused = s3Log(la).filter((line) => line.code === 'NoSuchAccessPoint');
    expect(refused.map((line) => line.accessPoint)).toEqual(['bird', 'cat']);
  });

  test("NoSuchAccessPoint carries S3's message and status", async () => {
    const { la, viaPoints } = await start();
    const error: unknown = await list(viaPoints, accessPointArn(la, 'bird')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({
      name: 'NoSuchAccessPoint',
      message: 'The specified access point does not exist.',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
