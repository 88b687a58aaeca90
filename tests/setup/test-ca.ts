import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CA_DIR_ENV, ensureAuthority, extraCaCertsFor } from '../../local-aws/tls';

/**
 * Makes one CA for the whole run before any worker starts, and hands it to the workers (and every
 * process they spawn) through the environment: every stand-in a test starts serves https with a
 * certificate from this CA, and Node trusts it because NODE_EXTRA_CA_CERTS names it, read when a
 * worker starts. Nothing turns verification off.
 */
export default async function createTestAuthority(): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'hakobu-test-ca-'));
  const caDir = join(root, 'ca');
  const caFile = await ensureAuthority(caDir);
  const saved = { caDir: process.env[CA_DIR_ENV], extra: process.env.NODE_EXTRA_CA_CERTS };
  process.env[CA_DIR_ENV] = caDir;
  process.env.NODE_EXTRA_CA_CERTS = extraCaCertsFor(caFile);
  return () => {
    for (const [name, value] of [
      [CA_DIR_ENV, saved.caDir],
      ['NODE_EXTRA_CA_CERTS', saved.extra],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
