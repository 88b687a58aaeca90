import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalAws, type RunningLocalAws } from '../../../local-aws/server';
import { mintUserTokens } from '../../helpers/identity';

const running: RunningLocalAws[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((la) => la.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hakobu-local-aws-tls-'));
  folders.push(folder);
  return folder;
}

/** Starts a stand-in that makes its own CA (no --ca-dir, and the run's shared one unset). */
async function start(dataDir: string, options: { tls?: boolean; caDir?: string } = {}) {
  const shared = process.env.LOCAL_AWS_CA_DIR;
  delete process.env.LOCAL_AWS_CA_DIR;
  try {
    const la = await startLocalAws({ dataDir, port: 0, ...options });
    running.push(la);
    return la;
  } finally {
    if (shared !== undefined) process.env.LOCAL_AWS_CA_DIR = shared;
  }
}

/** GETs the health check, trusting exactly `ca`, and returns the certificate the server showed. */
function fetchHealth(url: string, ca: string): Promise<{ status: number; cert: X509Certificate }> {
  return new Promise((resolve, reject) => {
    const req = get(`${url}/_local-aws/health`, { ca, agent: false }, (res) => {
      const cert = (res.socket as TLSSocket).getPeerX509Certificate();
      res.resume();
      if (!cert) reject(new Error('no peer certificate'));
      else resolve({ status: res.statusCode ?? 0, cert });
    });
    req.on('error', reject);
  });
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('local-aws over https', () => {
  it('makes a CA on first start in --data, keeps its key private, and serves a certificate it signed for 127.0.0.1 and localhost', async () => {
    const data = tempFolder();
    const la = await start(data);
    const { httpsEndpoint, caFile } = la.info;
    expect(caFile).toBe(join(data, 'tls', 'ca', 'ca.pem'));
    expect(httpsEndpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(readFileSync(join(data, 'local-aws.json'), 'utf8'))).toMatchObject({
      httpsEndpoint,
      caFile,
    });
    if (process.platform !== 'win32') {
      expect(mode(join(data, 'tls'))).toBe(0o700);
      expect(mode(join(data, 'tls', 'ca'))).toBe(0o700);
      expect(mode(join(data, 'tls', 'ca', 'ca-key.pem'))).toBe(0o600);
      expect(mode(join(data, 'tls', 'server-key.pem'))).toBe(0o600);
    }

    const ca = readFileSync(caFile ?? '', 'utf8');
    const { status, cert } = await fetchHealth(httpsEndpoint ?? '', ca);
    expect(status).toBe(200);
    expect(cert.checkIssued(new X509Certificate(ca))).toBe(true);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkIP('::1')).toBe('::1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    // Plain http stays for clients that need it.
    expect((await fetch(`${la.info.endpoint}/_local-aws/health`)).status).toBe(200);
  });

  it('names the https origin as issuer and points the app config at it', async () => {
    const la = await start(tempFolder());
    const { IdToken } = await mintUserTokens(la);
    expect(decodeJwt(IdToken).iss).toBe(`${la.info.httpsEndpoint}/${la.info.userPoolId}`);
    const config = JSON.parse(readFileSync(la.info.appConfig, 'utf8')) as {
      endpoints: Record<string, string>;
    };
    expect(Object.values(config.endpoints)).toEqual(Array(3).fill(la.info.httpsEndpoint));
  });

  it('keeps its CA and certificate across restarts', async () => {
    const data = tempFolder();
    const first = await start(data);
    const before = (
      await fetchHealth(
        first.info.httpsEndpoint ?? '',
        readFileSync(first.info.caFile ?? '', 'utf8'),
      )
    ).cert;
    await first.close();
    const second = await start(data);
    const after = (
      await fetchHealth(
        second.info.httpsEndpoint ?? '',
        readFileSync(second.info.caFile ?? '', 'utf8'),
      )
    ).cert;
    expect(after.fingerprint256).toBe(before.fingerprint256);
  });

  it('uses a CA folder it is given, shared by stand-ins in different data folders', async () => {
    const parent = tempFolder();
    chmodSync(parent, 0o755);
    const caDir = join(parent, 'shared-ca');
    const one = await start(tempFolder(), { caDir });
    // The folder the user named a CA folder in is theirs: its mode is left alone.
    if (process.platform !== 'win32') expect(mode(parent)).toBe(0o755);
    const two = await start(tempFolder(), { caDir });
    expect(one.info.caFile).toBe(join(caDir, 'ca.pem'));
    expect(two.info.caFile).toBe(one.info.caFile);
    const ca = readFileSync(one.info.caFile ?? '', 'utf8');
    expect((await fetchHealth(one.info.httpsEndpoint ?? '', ca)).status).toBe(200);
    expect((await fetchHealth(two.info.httpsEndpoint ?? '', ca)).status).toBe(200);
  });

  it('re-issues the server certificate when the CA folder changes', async () => {
    const data = tempFolder();
    const first = await start(data);
    await first.close();
    const caDir = join(tempFolder(), 'other-ca');
    const second = await start(data, { caDir });
    const ca = readFileSync(second.info.caFile ?? '', 'utf8');
    const { cert } = await fetchHealth(second.info.httpsEndpoint ?? '', ca);
    expect(cert.checkIssued(new X509Certificate(ca))).toBe(true);
  });

  it('refuses a client that does not trust the CA: nothing turns verification off', async () => {
    const la = await start(tempFolder());
    const other = await start(tempFolder());
    const wrongCa = readFileSync(other.info.caFile ?? '', 'utf8');
    await expect(fetchHealth(la.info.httpsEndpoint ?? '', wrongCa)).rejects.toThrow(
      /self-signed certificate in certificate chain|unable to verify/,
    );
  });

  it('serves plain http alone, with an http issuer, when TLS is off', async () => {
    const data = tempFolder();
    const la = await start(data, { tls: false });
    expect(la.info).toMatchObject({ httpsEndpoint: null, caFile: null });
    const { IdToken } = await mintUserTokens(la);
    expect(decodeJwt(IdToken).iss).toBe(`${la.info.endpoint}/${la.info.userPoolId}`);
    expect(() => statSync(join(data, 'tls'))).toThrow(/ENOENT/);
  });
});
