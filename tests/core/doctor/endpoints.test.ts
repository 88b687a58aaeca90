import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLocalAws, type TestLocalAws } from '../../helpers/local-aws';
import { doctorOn, stepOf } from './fixtures';

let la: TestLocalAws;
beforeAll(async () => {
  la = await startTestLocalAws();
});
afterAll(() => la.dispose());

const MINUTE = 60_000;
/** This computer's clock set off by some minutes (the services' clocks stay right). */
const clockOffBy = (minutes: number) => () => Date.now() + minutes * MINUTE;

describe('doctor on endpoints and the clock', () => {
  it('a clock 10 minutes fast fails, explaining SigV4 and token times', async () => {
    const report = await doctorOn(la, { now: clockOffBy(10), signIn: undefined });
    const step = stepOf(report, 'clock');
    expect(step).toMatchObject({
      status: 'fail',
      code: 'doctor.clock.skewed',
      params: { direction: 'ahead' },
    });
    expect(step.detail).toContain('10 minutes ahead of the AWS clock');
    expect(step.detail).toContain('SigV4');
    expect(step.fix).toContain('NTP');
    // The clock is a problem of its own: the service checks still run.
    expect(stepOf(report, 'user-pool').status).toBe('ok');
  });

  it('a clock 2 minutes slow warns before it breaks anything', async () => {
    const step = stepOf(await doctorOn(la, { now: clockOffBy(-2), signIn: undefined }), 'clock');
    expect(step).toMatchObject({
      status: 'warn',
      code: 'doctor.clock.drifting',
      params: { direction: 'behind' },
    });
  });

  it('an endpoint nobody answers on: fails, names it, and skips what needs it', async () => {
    const gone = await startTestLocalAws();
    const deadEndpoint = gone.info.endpoint;
    await gone.dispose();
    const report = await doctorOn(la, {
      configPatch: {
        endpoints: {
          cognitoIdp: la.info.endpoint,
          cognitoIdentity: la.info.endpoint,
          s3: deadEndpoint,
        },
      },
    });
    const step = stepOf(report, 'endpoints');
    expect(step).toMatchObject({ status: 'fail', code: 'doctor.endpoints.unreachable' });
    expect(step.detail).toContain(`Amazon S3 at ${deadEndpoint}`);
    expect(step.fix).toContain('"endpoints"');
    expect(step.fix).toContain('a stand-in on this computer (such as local-aws): start it');
    expect(stepOf(report, 'user-pool').status).toBe('skipped');
  });

  it('an endpoint that accepts but never answers: gives up after the timeout and says so', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      const report = await doctorOn(la, {
        timeoutMs: 300,
        configPatch: {
          endpoints: { cognitoIdp: endpoint, cognitoIdentity: endpoint, s3: endpoint },
        },
      });
      const step = stepOf(report, 'endpoints');
      expect(step.status).toBe('fail');
      expect(step.detail).toMatch(/timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((ok) => silent.close(ok));
    }
  });
});
