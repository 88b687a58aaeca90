import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensurePrivateDirSync } from '../../src-main/core/fs/private-dir';
import { writeFileAtomic } from '../state/atomic-file';
import { CA_CERT_FILE, loadOrCreateAuthority, loadOrIssueServer } from './store';

/**
 * Names a CA folder that every stand-in started in this environment shares instead of making its
 * own. Node reads NODE_EXTRA_CA_CERTS only when a process starts, so a process that starts many
 * stand-ins (a test run) can trust them all only if they share one CA.
 */
export const CA_DIR_ENV = 'LOCAL_AWS_CA_DIR';

/** What an https listener needs, and the CA file its clients are told to trust. */
export interface TlsMaterial {
  keyPem: string;
  certPem: string;
  /** Absolute path of the CA certificate (PEM): NODE_EXTRA_CA_CERTS, --ca-bundle, AWS_CA_BUNDLE. */
  caFile: string;
}

/** The CA folder a stand-in uses: the one given, else $LOCAL_AWS_CA_DIR, else `<data>/tls/ca`. */
export function caDirFor(dataDir: string, caDir?: string): string {
  return resolve(caDir ?? process.env[CA_DIR_ENV] ?? join(dataDir, 'tls', 'ca'));
}

/** Makes (on first start) or loads the CA and the server certificate kept under the data folder. */
export async function prepareTls(dataDir: string, caDir?: string): Promise<TlsMaterial> {
  const tlsDir = join(resolve(dataDir), 'tls');
  // Private before the default CA folder is made inside it.
  ensurePrivateDirSync(tlsDir);
  const authorityDir = caDirFor(dataDir, caDir);
  const authority = await loadOrCreateAuthority(authorityDir);
  const server = await loadOrIssueServer(tlsDir, authority);
  return {
    keyPem: server.keyPem,
    certPem: server.certPem,
    caFile: join(authorityDir, CA_CERT_FILE),
  };
}

/** Creates the CA in `dir` unless one is there, and returns its certificate file (for test setup). */
export async function ensureAuthority(dir: string): Promise<string> {
  await loadOrCreateAuthority(resolve(dir));
  return join(resolve(dir), CA_CERT_FILE);
}

/**
 * The NODE_EXTRA_CA_CERTS value for processes that must trust caFile. Node takes one file, so when
 * the environment already names one (a company proxy's CA), both go into a bundle beside caFile.
 */
export function extraCaCertsFor(
  caFile: string,
  existing = process.env.NODE_EXTRA_CA_CERTS,
): string {
  if (!existing || resolve(existing) === resolve(caFile)) return caFile;
  const bundle = join(dirname(caFile), 'trust-bundle.pem');
  const pems = [readFileSync(existing, 'utf8'), readFileSync(caFile, 'utf8')];
  writeFileAtomic(bundle, pems.map((pem) => `${pem.trim()}\n`).join(''), 0o644);
  return bundle;
}
