import { isLoopbackHost } from '../../config/endpoint-rule';
import type { DoctorContext } from '../context';
import { failed, passed, warned } from '../outcome';
import { SERVICE_LABEL, serviceEndpoint, type ServiceName } from '../probes/services';
import type { StepOutcome } from '../types';

const SERVICES: ServiceName[] = ['cognitoIdp', 'cognitoIdentity', 's3'];
const MINUTE = 60_000;
/** Beyond this, SigV4 signatures and token times break (AWS allows 5 minutes either way). */
export const CLOCK_FAIL_MS = 5 * MINUTE;
/** Beyond this, the clock is drifting towards that limit. */
export const CLOCK_WARN_MS = MINUTE;

/** One endpoint's answer: reached (with the server's clock when it sent one), or not. */
interface Reach {
  url: string;
  services: ServiceName[];
  error?: string;
  /** Server time minus local time, in ms, from the Date header. */
  skewMs?: number;
}

async function reach(ctx: DoctorContext, url: string, services: ServiceName[]): Promise<Reach> {
  const sentAt = ctx.now();
  try {
    const response = await fetch(url, { method: 'GET', signal: ctx.signal() });
    const receivedAt = ctx.now();
    await response.body?.cancel();
    const date = Date.parse(response.headers.get('date') ?? '');
    if (Number.isNaN(date)) return { url, services };
    // The Date header has whole seconds: compare it with the middle of the round trip.
    return { url, services, skewMs: date - (sentAt + receivedAt) / 2 };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { url, services, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** Each distinct endpoint once, with the services it serves. */
function endpointsOf(ctx: DoctorContext): Map<string, ServiceName[]> {
  const byUrl = new Map<string, ServiceName[]>();
  for (const service of SERVICES) {
    const url = serviceEndpoint(ctx.config, service);
    byUrl.set(url, [...(byUrl.get(url) ?? []), service]);
  }
  return byUrl;
}

/**
 * What to do about endpoints nobody answered on. The config can only name AWS or this computer
 * (see endpoint-rule), so an override is either a stand-in that is not running or an AWS VPC or
 * FIPS endpoint this network cannot reach.
 */
function unreachableFix(ctx: DoctorContext, down: readonly Reach[]): string {
  const overridden = down.filter((r) => r.services.some((s) => ctx.config.endpoints?.[s]));
  if (overridden.some((r) => isLoopbackHost(new URL(r.url).hostname))) {
    return 'The config points "endpoints" at a stand-in on this computer (such as local-aws): start it, or correct the port in "endpoints".';
  }
  if (overridden.length > 0) {
    return 'The config points "endpoints" at an AWS VPC or FIPS endpoint: check that this computer is on the network (or VPN) that reaches it, and that the address in "endpoints" is right.';
  }
  return `Check the network connection. A proxy or firewall must allow HTTPS to ${down.map((r) => new URL(r.url).host).join(', ')}.`;
}

/** What the endpoints step learned; the clock step reads the skew from it. */
export interface EndpointsFinding {
  outcome: StepOutcome;
  /** The largest clock difference seen (server minus local), if any server sent a Date. */
  skewMs: number | undefined;
}

/** Step 2a: every service endpoint answers at all (any HTTP status counts). */
export async function checkEndpoints(ctx: DoctorContext): Promise<EndpointsFinding> {
  const results = await Promise.all(
    [...endpointsOf(ctx)].map(([url, services]) => reach(ctx, url, services)),
  );
  const skews = results.flatMap((r) => (r.skewMs === undefined ? [] : [r.skewMs]));
  const skewMs = skews.sort((a, b) => Math.abs(b) - Math.abs(a))[0];
  const down = results.filter((r) => r.error !== undefined);
  if (down.length > 0) {
    const what = down
      .map((r) => `${r.services.map((s) => SERVICE_LABEL[s]).join(', ')} at ${r.url} (${r.error})`)
      .join('; ');
    return {
      skewMs,
      outcome: failed(
        'doctor.endpoints.unreachable',
        `Could not reach ${what}.`,
        unreachableFix(ctx, down),
        { endpoints: down.map((r) => r.url).join(', ') },
      ),
    };
  }
  return {
    skewMs,
    outcome: passed('doctor.endpoints.ok', `Reached ${results.map((r) => r.url).join(', ')}.`, {
      endpoints: results.map((r) => r.url).join(', '),
    }),
  };
}

const minutes = (ms: number) => Math.round((Math.abs(ms) / MINUTE) * 10) / 10;

/** Step 2b: this computer's clock against the services' clocks. */
export function checkClock(skewMs: number | undefined): StepOutcome {
  if (skewMs === undefined) {
    return warned(
      'doctor.clock.unknown',
      'No service sent its time (a Date header), so the clock could not be compared.',
      'Make sure this computer sets its time automatically (NTP).',
    );
  }
  // Server ahead of us means our clock is behind.
  const direction = skewMs > 0 ? 'behind' : 'ahead of';
  const params = { minutes: minutes(skewMs), direction: skewMs > 0 ? 'behind' : 'ahead' };
  const detail = `This computer's clock is ${minutes(skewMs)} minutes ${direction} the AWS clock.`;
  const fix =
    'Turn on automatic date and time (NTP) in the operating system settings, and check the time zone.';
  if (Math.abs(skewMs) > CLOCK_FAIL_MS) {
    return failed(
      'doctor.clock.skewed',
      `${detail} AWS refuses signed requests (SigV4) more than 5 minutes off, and sign-in tokens ` +
        'look expired or not yet valid, so uploads fail with RequestTimeTooSkewed, ' +
        'SignatureDoesNotMatch or ExpiredToken.',
      fix,
      params,
    );
  }
  if (Math.abs(skewMs) > CLOCK_WARN_MS) {
    return warned(
      'doctor.clock.drifting',
      `${detail} That still works, but at 5 minutes AWS starts refusing signed requests.`,
      fix,
      params,
    );
  }
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  return passed(
    'doctor.clock.ok',
    `This computer's clock agrees with the AWS clock (${seconds} s apart; up to 5 minutes work).`,
    { seconds },
  );
}
