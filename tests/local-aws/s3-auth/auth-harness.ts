import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useFileFixture } from '../../helpers/file-fixture';
import type { IssuedCredentials } from '../../../local-aws/cognito-identity/model';
import type { LocalAwsContext } from '../../../local-aws/context';
import { AwsError } from '../../../local-aws/http/aws-error';
import { authenticateS3Request } from '../../../local-aws/s3/auth/authenticate';
import { defaultSetup } from '../../../local-aws/setup/default-setup';
import { bootstrapState } from '../../../local-aws/state/bootstrap';
import { newTemporaryAccessKeyId } from '../../../local-aws/state/ids';

/** What the server made of one request. */
export type AuthOutcome =
  | {
      ok: true;
      accessKeyId: string;
      body: Buffer;
      trailers: Record<string, string>;
      contentLength: number | undefined;
    }
  | { ok: false; code: string; message: string; status: number; details: Record<string, string> };

export interface AuthHarness {
  endpoint: string;
  region: string;
  ctx: LocalAwsContext;
  outcomes: AuthOutcome[];
  /**
   * The server's clock: `now` pins it (to replay AWS's fixed 2013 examples), `offsetMs` shifts it
   * (to play a PC whose clock is wrong, which the client machine cannot fake).
   */
  clock: { now: number | undefined; offsetMs: number };
  /**
   * Issues temporary credentials straight into ctx.state.credentials. The Identity Pool flow that
   * normally puts them there is tested elsewhere; these tests are about what S3 does with them.
   */
  issueCredentials(overrides?: Partial<IssuedCredentials>): IssuedCredentials;
  close(): Promise<void>;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function serve(
  ctx: LocalAwsContext,
  outcomes: AuthOutcome[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const auth = await authenticateS3Request(ctx, req, new URL(req.url ?? '/', ctx.endpoint));
    const chunks: Buffer[] = [];
    for await (const chunk of auth.payload) chunks.push(chunk as Buffer);
    const trailers = await auth.trailers;
    outcomes.push({
      ok: true,
      accessKeyId: auth.credentials.accessKeyId,
      body: Buffer.concat(chunks),
      trailers,
      contentLength: auth.contentLength,
    });
    res.writeHead(200, { etag: '"d41d8cd98f00b204e9800998ecf8427e"', 'content-length': 0 }).end();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    // Real S3 may cut the connection here; the harness reads the rest so tests see the response.
    if (!req.complete) {
      req.resume();
      await new Promise((resolve) => {
        req.once('end', resolve);
        req.once('close', resolve);
      });
    }
    outcomes.push({
      ok: false,
      code: error.code,
      message: error.message,
      status: error.status,
      details: error.details,
    });
    const fields = Object.entries(error.details)
      .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
      .join('');
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message>${fields}</Error>`;
    res
      .writeHead(error.status, { 'content-type': 'application/xml', connection: 'close' })
      .end(body);
  }
}

/**
 * Starts a bare HTTP server whose only job is authenticateS3Request, recording each outcome.
 * `region` overrides the stand-in's region (AWS's published examples are for us-east-1).
 */
export async function startAuthHarness(options: { region?: string } = {}): Promise<AuthHarness> {
  const state = bootstrapState(defaultSetup());
  const region = options.region ?? state.region;
  const clock: AuthHarness['clock'] = { now: undefined, offsetMs: 0 };
  let endpoint = '';
  const ctx: LocalAwsContext = {
    state,
    save: () => undefined,
    dataDir: '',
    get endpoint() {
      return endpoint;
    },
    region,
    now: () => clock.now ?? Date.now() + clock.offsetMs,
    log: () => undefined,
    random: () => 0.5,
  };
  const outcomes: AuthOutcome[] = [];
  const server = createServer((req, res) => {
    serve(ctx, outcomes, req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    region,
    ctx,
    outcomes,
    clock,
    issueCredentials: (overrides = {}) => {
      const credentials: IssuedCredentials = {
        accessKeyId: newTemporaryAccessKeyId(),
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: randomBytes(120).toString('base64'),
        expiration: Date.now() + 3_600_000,
        identityId: `${region}:00000000-0000-4000-8000-000000000000`,
        identityPoolId: `${region}:11111111-1111-4111-8111-111111111111`,
        roleArn: 'arn:aws:iam::000000000000:role/hakobu-authenticated',
        ...overrides,
      };
      state.credentials[credentials.accessKeyId] = credentials;
      return credentials;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A harness shared by a test file and credentials it issued; read them inside the tests. */
export function useAuthHarness(): {
  readonly harness: AuthHarness;
  readonly issued: IssuedCredentials;
} {
  const current = useFileFixture(
    async () => {
      const harness = await startAuthHarness();
      return { harness, issued: harness.issueCredentials() };
    },
    (started) => started.harness.close(),
  );
  return {
    get harness() {
      return current().harness;
    },
    get issued() {
      return current().issued;
    },
  };
}
