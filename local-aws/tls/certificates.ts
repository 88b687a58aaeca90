// @peculiar/x509 2.x resolves its algorithm providers through tsyringe, which needs the Reflect
// metadata API; the polyfill is imported here, once, before the library.
import 'reflect-metadata';
import { createPrivateKey, webcrypto, X509Certificate as NodeCertificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** A certificate and its private key, both PEM. */
export interface PemPair {
  certPem: string;
  keyPem: string;
}

// ECDSA P-256: a key is made in a millisecond (tests start many stand-ins), and every client here
// (Node, OpenSSL behind the AWS CLI, boto3 and s3cmd, Go behind rclone) accepts it.
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a new CA is valid: long enough that no one trusting it has to renew it. */
const AUTHORITY_DAYS = 3650;
/** How long a new server certificate is valid; it is re-issued from the CA when it runs low. */
const SERVER_DAYS = 365;
/**
 * The names a server certificate covers: the only addresses local-aws listens on or is reached by.
 * Access points are reached by host name, `<name>-<account>.s3-accesspoint.localhost` (as S3's own
 * `*.s3-accesspoint.<region>.amazonaws.com`); TLS clients refuse a wildcard right under a
 * top-level name such as `*.localhost`, hence the extra label.
 */
export const SERVER_NAMES = {
  ips: ['127.0.0.1', '::1'],
  dns: ['localhost', '*.s3-accesspoint.localhost'],
} as const;

const crypto = webcrypto;

async function newKeys(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

async function keyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

// Backdated by an hour so a client whose clock lags a little still accepts a fresh certificate.
const validity = (days: number) => {
  const now = Date.now();
  return { notBefore: new Date(now - 60 * 60 * 1000), notAfter: new Date(now + days * DAY_MS) };
};

/** Creates a self-signed CA that may sign server certificates only (path length 0). */
export async function createAuthority(): Promise<PemPair> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: `CN=local-aws test CA ${new Date().toISOString().slice(0, 10)}, O=Hakobu local-aws`,
      keys,
      signingAlgorithm: SIGNING_ALGORITHM,
      ...validity(AUTHORITY_DAYS),
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { certPem: cert.toString('pem'), keyPem: await keyPem(keys.privateKey) };
}

/**
 * Issues a server certificate for 127.0.0.1, ::1 and localhost, signed by the CA. It carries the
 * key identifiers that strict verifiers (Python 3.13's default context) require.
 */
export async function issueServerCertificate(authority: PemPair): Promise<PemPair> {
  const caCert = new x509.X509Certificate(authority.certPem);
  const caKeyDer = createPrivateKey(authority.keyPem).export({ type: 'pkcs8', format: 'der' });
  const signingKey = await crypto.subtle.importKey('pkcs8', caKeyDer, KEY_ALGORITHM, false, [
    'sign',
  ]);
  const keys = await newKeys();
  const names = [
    ...SERVER_NAMES.ips.map((value) => ({ type: 'ip' as const, value })),
    ...SERVER_NAMES.dns.map((value) => ({ type: 'dns' as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.create(
    {
      subject: 'CN=localhost, O=Hakobu local-aws',
      issuer: caCert.subject,
      publicKey: keys.publicKey,
      signingKey,
      signingAlgorithm: SIGNING_ALGORITHM,
      ...validity(SERVER_DAYS),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { certPem: cert.toString('pem'), keyPem: await keyPem(keys.privateKey) };
}

/** True when the certificate was signed by the CA and stays valid for at least `days` more. */
export function issuedByAndFresh(certPem: string, authorityPem: string, days: number): boolean {
  try {
    const cert = new NodeCertificate(certPem);
    const authority = new NodeCertificate(authorityPem);
    return (
      cert.checkIssued(authority) &&
      cert.verify(authority.publicKey) &&
      new Date(cert.validTo).getTime() - Date.now() > days * DAY_MS &&
      // A certificate from an older local-aws may lack a name this one serves.
      SERVER_NAMES.dns.every((name) => cert.subjectAltName?.includes(`DNS:${name}`))
    );
  } catch {
    return false;
  }
}
