import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    expect(s3ClientAddressing('http://127.0.0.1:4566', 'accessPoint')).toEqual({
      endpoint: 'http://localhost:4566',
    });
    expect(s3ClientAddressing('http://[::1]:4566', 'accessPoint')).toEqual({
      endpoint: 'http://localhost:4566',
    });
    const vpce =
      'https://accesspoint.vpce-0123456789abcdef0-abcd1234.s3.ap-northeast-1.vpce.amazonaws.com';
    expect(s3ClientAddressing(vpce, 'accessPoint')).toEqual({ endpoint: vpce });
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
