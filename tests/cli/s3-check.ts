import {
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { useFileFixture } from '../helpers/file-fixture';
import { demoCredentials } from '../helpers/identity';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';
import { s3Client, sha256OfStream } from '../local-aws/s3/s3-test-kit';

/** The demo user's own view of S3 (fresh credentials, the real SDK), to check what the CLI did. */
export interface UserS3 {
  s3: S3Client;
  identityId: string;
  prefix: string;
  bucket: string;
}

/** Signs the demo user in for a check; the identity is the one the CLI uploads under. */
export async function userS3(la: TestLocalAws): Promise<UserS3> {
  const identity = await demoCredentials(la);
  return {
    s3: s3Client(la, identity),
    identityId: identity.identityId,
    prefix: `${identity.identityId}/`,
    bucket: la.info.bucket,
  };
}

/** SHA-256 (hex) of an object, streamed. */
export async function objectSha256(user: UserS3, key: string): Promise<string> {
  const object = await user.s3.send(new GetObjectCommand({ Bucket: user.bucket, Key: key }));
  return sha256OfStream(object.Body as Readable);
}

/** Every key under the user's prefix with its size. */
export async function listKeys(user: UserS3): Promise<{ key: string; size: number }[]> {
  const keys: { key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await user.s3.send(
      new ListObjectsV2Command({
        Bucket: user.bucket,
        Prefix: user.prefix,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? [])
      keys.push({ key: object.Key ?? '', size: object.Size ?? 0 });
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** Multipart uploads still open under the user's prefix (parts S3 would bill). */
export async function openUploads(user: UserS3): Promise<{ key: string; uploadId: string }[]> {
  const listed = await user.s3.send(
    new ListMultipartUploadsCommand({ Bucket: user.bucket, Prefix: user.prefix }),
  );
  return (listed.Uploads ?? []).map((u) => ({ key: u.Key ?? '', uploadId: u.UploadId ?? '' }));
}

/** The stand-in a CLI test file shares and the demo user's view of it. */
export interface StandInWithUser {
  readonly la: TestLocalAws;
  readonly user: UserS3;
}

/** Starts a stand-in before the file's tests and signs the demo user in; disposes it after them. */
export function useStandInWithUser(): StandInWithUser {
  const current = useFileFixture(
    async (): Promise<StandInWithUser> => {
      const la = await startTestLocalAws();
      return { la, user: await userS3(la) };
    },
    (started) => started.la.dispose(),
  );
  return {
    get la() {
      return current().la;
    },
    get user() {
      return current().user;
    },
  };
}
