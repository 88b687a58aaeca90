import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll } from 'vitest';
import { HakobuStack } from '../../infra/lib/hakobu-stack';
import type { HakobuBackendInput } from '../../infra/lib/props';
import { setupFromTemplate, type FromTemplateOptions } from '../../local-aws/setup/from-template';
import type { LocalAwsSetup } from '../../local-aws/setup/schema';
import { createAuthSession } from '../../src-main/core/auth';
import { HakobuConfig } from '../../src-main/core/config';
import { createIdentityCredentials } from '../../src-main/core/credentials';
import { createLibrary, type Library } from '../../src-main/core/library';
import { createTransferEngine } from '../../src-main/core/transfers/engine';
import type { TransferItemView } from '../../src-main/contract/views';
import { startTestLocalAws, type TestLocalAws } from '../helpers/local-aws';

/** Two colleagues in the deployed pool: each must stay inside their own folder. */
export const AIKO = { username: 'aiko@example.com', password: 'Aiko-password-2026!' };
export const BEN = { username: 'ben@example.com', password: 'Ben-password-2026!' };

/** A folder removed after the file's tests. */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Synthesizes the stack into a folder, as `cdk synth` does, and reads the template back. */
export function synthTemplate(outdir: string, hakobu: HakobuBackendInput = {}): unknown {
  const app = new App({ outdir });
  new HakobuStack(app, 'Hakobu', { hakobu, analyticsReporting: false });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, 'Hakobu.template.json'), 'utf8'));
}

/** The setup without the TLS-only bucket statements (those testing aws:SecureTransport). */
export function withoutTlsOnly(setup: LocalAwsSetup): LocalAwsSetup {
  const buckets = setup.buckets.map(({ policy, ...bucket }) => {
    const kept = policy?.Statement.filter(
      (s) => !JSON.stringify(s.Condition ?? {}).includes('aws:SecureTransport'),
    );
    return kept?.length && policy ? { ...bucket, policy: { ...policy, Statement: kept } } : bucket;
  });
  return { ...setup, buckets };
}

/** The stand-in's https origin, once local-aws serves one beside http (its TLS work). */
function httpsEndpointOf(la: TestLocalAws): string | undefined {
  const https = (la.info as { httpsEndpoint?: unknown }).httpsEndpoint;
  return typeof https === 'string' ? https : undefined;
}

/** local-aws "deployed" from a template, and the Hakobu config the stack output for it. */
export interface Backend {
  la: TestLocalAws;
  config: HakobuConfig;
  /** The config file IT would deploy, pointed at local-aws. */
  configPath: string;
  /** Whether Hakobu reaches it over https, with the template's TLS-only policy in force. */
  secure: boolean;
}

/** How a test varies the deployment. */
export interface BackendOptions {
  /** Changes the setup read from the template. */
  adjust?: (setup: LocalAwsSetup) => LocalAwsSetup;
  /** The pool's users; Aiko and Ben, in no group, by default. */
  users?: FromTemplateOptions['users'];
  /**
   * 'https' (the default) points Hakobu at local-aws's https origin with the whole template in
   * force. Where local-aws serves plain http only, the template's TLS-only statements would
   * (rightly) deny every request, so they are dropped and http is used: the one gap, and
   * policy-proof.test.ts shows that deny. 'http' uses plain http and keeps every statement.
   */
  transport?: 'https' | 'http';
}

/** Starts local-aws from a template with its users, and writes the stack's output config. */
export async function startBackend(
  template: unknown,
  folder: string,
  { adjust = (setup) => setup, users = [AIKO, BEN], transport = 'https' }: BackendOptions = {},
): Promise<Backend> {
  const { setup, outputs } = setupFromTemplate(template, { users });
  let la = await startTestLocalAws(adjust(setup));
  let endpoint = transport === 'https' ? httpsEndpointOf(la) : la.info.endpoint;
  if (!endpoint) {
    await la.dispose();
    la = await startTestLocalAws(withoutTlsOnly(adjust(setup)));
    endpoint = la.info.endpoint;
  }
  const config = HakobuConfig.parse({
    ...JSON.parse(outputs.HakobuConfig ?? '{}'),
    endpoints: { cognitoIdp: endpoint, cognitoIdentity: endpoint, s3: endpoint },
  });
  const configPath = join(mkdtempSync(join(folder, 'config-')), 'config.json');
  writeFileSync(configPath, JSON.stringify(config));
  return { la, config, configPath, secure: endpoint.startsWith('https:') };
}

/** One signed-in user, with Hakobu's own sign-in, credentials, upload engine and library. */
export interface SignedInUser {
  identityId: string;
  /** Fetches AWS keys for the identity from the identity pool, as every S3 request does. */
  keys(): Promise<unknown>;
  /** Uploads one local file into a location's folder; resolves with the finished item. */
  upload(path: string, locations?: HakobuConfig['locations']): Promise<TransferItemView>;
  library(locations?: HakobuConfig['locations']): Library;
  dispose(): void;
}

/** Signs a user in with SRP through core, exactly as the app does with this config. */
export async function signIn(
  backend: Backend,
  user: { username: string; password: string },
  folder: string,
): Promise<SignedInUser> {
  const { config } = backend;
  const auth = createAuthSession({ config });
  await auth.signIn(user.username, user.password);
  const creds = createIdentityCredentials({ config, getIdToken: () => auth.getIdToken() });
  const identityId = await creds.identityId();
  const libraries: Library[] = [];
  const common = {
    identityId,
    credentials: creds.provider,
    forceRefresh: () => creds.forceRefresh(),
  };
  return {
    identityId,
    keys: () => creds.provider(),
    async upload(path, locations = config.locations) {
      const engine = createTransferEngine({
        ...common,
        config: { ...config, locations },
        journalDir: mkdtempSync(join(folder, 'journal-')),
        retry: { baseDelayMs: 10, maxDelayMs: 50 },
      });
      try {
        const {
          items: [item],
        } = await engine.enqueue([path]);
        await engine.whenIdle();
        const done = engine.snapshot().items.find((i) => i.id === item?.id);
        if (!done) throw new Error(`the engine lost ${path}`);
        return done;
      } finally {
        await engine.close();
      }
    },
    library(locations = config.locations) {
      const library = createLibrary({
        ...common,
        config: { ...config, locations },
        thumbnails: { cacheDir: mkdtempSync(join(folder, 'thumbs-')) },
      });
      libraries.push(library);
      return library;
    },
    dispose() {
      for (const library of libraries) library.dispose();
      creds.dispose();
      auth.dispose();
    },
  };
}
