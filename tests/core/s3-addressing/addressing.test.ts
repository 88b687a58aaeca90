import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  localhostLookup,
  parseAccessPointArn,
  s3ClientAddressing,
} from '../../../src-main/core/s3-addressing';

describe('access point ARNs', () => {
  it('reads region, account and name, and nothing from a bucket name', () => {
    expect(parseAccessPointArn('arn:aws:s3:ap-northeast-1:012345678912:accesspoint/cat')).toEqual({
      region: 'ap-northeast-1',
      accountId: '012345678912',
      name: 'cat',
    });
    expect(parseAccessPointArn('test-bucket-cat')).toBeUndefined();
    expect(parseAccessPointArn('arn:aws:s3:::test-bucket-cat')).toBeUndefined();
  });
});

describe('how the SDK is set up per target', () => {
  it('leaves AWS to the SDK, and serves buckets behind a custom endpoint by path', () => {
    expect(s3ClientAddressing(undefined, 'bucket')).toEqual({});
    expect(s3ClientAddressing(undefined, 'accessPoint')).toEqual({});
    expect(s3ClientAddressing('http://127.0.0.1:4566', 'bucket')).toEqual({
      endpoint: 'http://127.0.0.1:4566',
      forcePathStyle: true,
    });
  });

  it('gives access points a host name the SDK can put <name>-<account>. before', () => {
    for (const loopback of [
      'http://127.0.0.1:4566',
      'http://[::1]:4566',
      'http://localhost:4566',
    ]) {
      expect(s3ClientAddressing(loopback, 'accessPoint')).toEqual({
        endpoint: 'http://s3-accesspoint.localhost:4566',
      });
    }
    const vpce =
      'https://accesspoint.vpce-0123456789abcdef0-abcd1234.s3.ap-northeast-1.vpce.amazonaws.com';
    expect(s3ClientAddressing(vpce, 'accessPoint')).toEqual({ endpoint: vpce });
  });

  it("leaves access points to the SDK's s3-accesspoint hosts when the endpoint is AWS's own", () => {
    expect(s3ClientAddressing('https://s3.ap-northeast-1.amazonaws.com', 'accessPoint')).toEqual(
      {},
    );
    expect(s3ClientAddressing('https://s3-fips.us-east-1.amazonaws.com', 'accessPoint')).toEqual({
      useFipsEndpoint: true,
    });
    expect(
      s3ClientAddressing('https://s3.dualstack.ap-northeast-1.amazonaws.com', 'accessPoint'),
    ).toEqual({ useDualstackEndpoint: true });
    expect(s3ClientAddressing('https://s3.cn-north-1.amazonaws.com.cn', 'accessPoint')).toEqual({});
  });
});

/** The host the real SDK sends a listing of `bucket` to, set up by s3ClientAddressing. */
async function sdkHost(endpoint: string | undefined, bucket: string): Promise<string> {
  const client = new S3Client({
    region: 'ap-northeast-1',
    ...s3ClientAddressing(endpoint, parseAccessPointArn(bucket) ? 'accessPoint' : 'bucket'),
    useArnRegion: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
  let host = '';
  client.middlewareStack.add(
    () => async (args) => {
      host = (args.request as { hostname: string }).hostname;
      throw new Error('not sent');
    },
    { step: 'finalizeRequest' },
  );
  await client.send(new ListObjectsV2Command({ Bucket: bucket })).catch(() => undefined);
  client.destroy();
  return host;
}

describe('where the SDK sends requests for an access point ARN', () => {
  const arn = 'arn:aws:s3:us-west-2:012345678912:accesspoint/cat';
  it('to the access point host in its own region, on AWS and behind AWS own endpoints', async () => {
    for (const endpoint of [undefined, 'https://s3.ap-northeast-1.amazonaws.com']) {
      expect(await sdkHost(endpoint, arn)).toBe(
        'cat-012345678912.s3-accesspoint.us-west-2.amazonaws.com',
      );
    }
  });
  it('below a VPC endpoint, and to an s3-accesspoint.localhost name for a stand-in on loopback', async () => {
    const vpce =
      'https://accesspoint.vpce-0123456789abcdef0-abcd1234.s3.us-west-2.vpce.amazonaws.com';
    expect(await sdkHost(vpce, arn)).toBe(`cat-012345678912.${new URL(vpce).hostname}`);
    for (const loopback of ['http://127.0.0.1:4566', 'https://localhost:4567']) {
      expect(await sdkHost(loopback, arn)).toBe('cat-012345678912.s3-accesspoint.localhost');
    }
    expect(await sdkHost('http://127.0.0.1:4566', 'plain-bucket')).toBe('127.0.0.1');
  });
});

describe('*.localhost names', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => res.end(req.headers.host));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('reach the custom endpoint on this computer, with the name as the Host', async () => {
    const lookup = localhostLookup(`http://127.0.0.1:${port}`);
    const host = await new Promise<string>((ok, fail) => {
      get({ host: 'cat-012345678912.localhost', port, lookup }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => ok(body));
      }).on('error', fail);
    });
    expect(host).toBe(`cat-012345678912.localhost:${port}`);
  });

  it('leave every other name to the system resolver', async () => {
    const lookup = localhostLookup(`http://127.0.0.1:${port}`);
    const address = await new Promise<string>((ok, fail) =>
      lookup('127.0.0.2', {}, (error, found) =>
        error ? fail(error) : ok(typeof found === 'string' ? found : (found[0]?.address ?? '')),
      ),
    );
    expect(address).toBe('127.0.0.2');
  });
});
