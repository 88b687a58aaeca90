import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ensurePrivateDirSync,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
} from '../../src-main/core/fs/private-dir';
import { writeFileAtomic } from '../state/atomic-file';
import {
  createAuthority,
  issuedByAndFresh,
  issueServerCertificate,
  type PemPair,
} from './certificates';

/** The CA's certificate in a CA folder: the file clients are told to trust. */
export const CA_CERT_FILE = 'ca.pem';
const CA_KEY_FILE = 'ca-key.pem';
const SERVER_CERT_FILE = 'server.pem';
const SERVER_KEY_FILE = 'server-key.pem';
/** A server certificate with fewer days left than this is re-issued at start. */
const RENEW_DAYS = 30;

function readPair(dir: string, certFile: string, keyFile: string): PemPair {
  return {
    certPem: readFileSync(join(dir, certFile), 'utf8'),
    keyPem: readFileSync(join(dir, keyFile), 'utf8'),
  };
}

function belongTogether({ certPem, keyPem }: PemPair): boolean {
  const spki = (key: ReturnType<typeof createPublicKey>) =>
    key.export({ type: 'spki', format: 'der' });
  return spki(new X509Certificate(certPem).publicKey).equals(
    spki(createPublicKey(createPrivateKey(keyPem))),
  );
}

function writePair(dir: string, pair: PemPair, certFile: string, keyFile: string): void {
  // The certificate is public (clients read it), the key is not; both stay in a 0700 folder.
  writeFileAtomic(join(dir, keyFile), pair.keyPem, PRIVATE_FILE_MODE);
  writeFileAtomic(join(dir, certFile), pair.certPem, 0o644);
}

function readAuthority(dir: string): PemPair {
  const pair = readPair(dir, CA_CERT_FILE, CA_KEY_FILE);
  if (!belongTogether(pair))
    throw new Error(
      `local-aws: ${join(dir, CA_CERT_FILE)} and ${CA_KEY_FILE} beside it are not one key pair; delete the folder ${dir} to make a new CA`,
    );
  return pair;
}

/**
 * The CA kept in `dir`, created on first use. Several stand-ins may share one folder (the test
 * setup makes one CA for a whole run), so a new CA is written into a temporary sibling and renamed
 * into place: whoever renames first wins, and the others read the winner's.
 */
export async function loadOrCreateAuthority(dir: string): Promise<PemPair> {
  if (existsSync(join(dir, CA_CERT_FILE))) return readAuthority(dir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(
      `local-aws: the CA folder ${dir} holds files but no ${CA_CERT_FILE}; name an empty or missing folder`,
    );
  // Missing parents are made private; an existing one (a --ca-dir the user named) keeps its mode.
  mkdirSync(dirname(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
  const staging = mkdtempSync(`${dir}.tmp-`);
  try {
    ensurePrivateDirSync(staging);
    writePair(staging, await createAuthority(), CA_CERT_FILE, CA_KEY_FILE);
    try {
      renameSync(staging, dir);
    } catch {
      // Another stand-in's CA got there first, or (on Windows) an empty folder blocks the rename:
      // rmdirSync removes only an empty one, so a CA that landed meanwhile is never lost.
      if (!existsSync(join(dir, CA_CERT_FILE))) {
        rmdirSync(dir);
        renameSync(staging, dir);
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return readAuthority(dir);
}

/**
 * The server's certificate and key in `dir`, re-issued when missing, signed by another CA (the
 * CA folder changed) or close to expiry.
 */
export async function loadOrIssueServer(dir: string, authority: PemPair): Promise<PemPair> {
  ensurePrivateDirSync(dir);
  if (existsSync(join(dir, SERVER_CERT_FILE)) && existsSync(join(dir, SERVER_KEY_FILE))) {
    const stored = readPair(dir, SERVER_CERT_FILE, SERVER_KEY_FILE);
    if (issuedByAndFresh(stored.certPem, authority.certPem, RENEW_DAYS) && belongTogether(stored))
      return stored;
  }
  const issued = await issueServerCertificate(authority);
  writePair(dir, issued, SERVER_CERT_FILE, SERVER_KEY_FILE);
  return issued;
}
