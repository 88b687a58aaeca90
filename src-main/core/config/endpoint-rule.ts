import { showValue, type Finding } from './problems';

// Hakobu sends the user's tokens to these endpoints (passwords and the refresh token to
// cognito-idp, the ID token to cognito-identity, signed requests to S3), so a config file may name
// only that service's own AWS hosts or a stand-in on this computer. "Any host under amazonaws.com"
// is not enough: customers own hosts there too (API Gateway's <id>.execute-api.<region>, a load
// balancer's <name>.<region>.elb), and each would receive the tokens.

/** AWS's own DNS zones: every Cognito and S3 endpoint (regional, FIPS, VPC) lives below one. */
export const AWS_DOMAINS = ['amazonaws.com', 'amazonaws.com.cn'] as const;

/** The services an `endpoints` field can override. */
export type EndpointService = 'cognitoIdp' | 'cognitoIdentity' | 's3';

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
// An interface endpoint's ID and suffix, and for a zonal name its Availability Zone:
// vpce-0a1b2c3d4e5f-abcdefgh or vpce-0a1b2c3d4e5f-abcdefgh-us-east-1a.
const VPCE_ID = 'vpce-[a-z0-9]+(?:-[a-z0-9]+)*';
const ZONE = 'amazonaws\\.com(?:\\.cn)?';
const host = (pattern: string) => new RegExp(`^${pattern}\\.${ZONE}$`);

interface ServiceHosts {
  /** The service's name in messages. */
  label: string;
  /** Its host forms as a person reads them (each also under amazonaws.com.cn). */
  forms: readonly string[];
  patterns: readonly RegExp[];
  example: string;
}

/** A Cognito service's hosts: regional, FIPS, and interface VPC endpoint (AWS PrivateLink). */
function cognitoHosts(service: string, label: string): ServiceHosts {
  return {
    label,
    forms: [
      `${service}.<region>.amazonaws.com`,
      `${service}-fips.<region>.amazonaws.com`,
      `vpce-<id>.${service}.<region>.vpce.amazonaws.com`,
    ],
    patterns: [
      host(`${service}(?:-fips)?\\.${REGION}`),
      host(`${VPCE_ID}\\.${service}\\.${REGION}\\.vpce`),
    ],
    example: `https://${service}.ap-northeast-1.amazonaws.com`,
  };
}

const SERVICE_HOSTS: Record<EndpointService, ServiceHosts> = {
  cognitoIdp: cognitoHosts('cognito-idp', 'Amazon Cognito user pools'),
  cognitoIdentity: cognitoHosts('cognito-identity', 'Amazon Cognito identity pools'),
  s3: {
    label: 'Amazon S3',
    forms: [
      's3.<region>.amazonaws.com',
      's3-fips.<region>.amazonaws.com',
      's3.dualstack.<region>.amazonaws.com',
      's3-fips.dualstack.<region>.amazonaws.com',
      's3.amazonaws.com',
      'bucket.vpce-<id>.s3.<region>.vpce.amazonaws.com',
      'accesspoint.vpce-<id>.s3.<region>.vpce.amazonaws.com',
      'vpce-<id>.s3.<region>.vpce.amazonaws.com',
    ],
    patterns: [
      host(`s3(?:-fips)?(?:\\.dualstack)?\\.${REGION}`),
      host('s3'),
      // Locations may name an access point ARN, which the SDK sends to accesspoint.vpce-….
      host(`(?:bucket\\.|accesspoint\\.)?${VPCE_ID}\\.s3\\.${REGION}\\.vpce`),
    ],
    example: 'https://s3.ap-northeast-1.amazonaws.com',
  },
};

const DNS_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Only scheme, host, port and path: "@", "\", "?", "#" and spaces are where URL parsers disagree
// (or hide the real host), so they are refused before the host is even looked at.
const PLAIN_URL_RE = /^(https?):\/\/([^/?#@\\\s]+)(\/[^?#\\\s]*)?$/i;
const STAND_IN_EXAMPLE = 'a stand-in on this computer such as "http://127.0.0.1:4566"';

/** True for an address that never leaves this computer: 127.0.0.0/8, [::1] and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  // WHATWG URL has already turned "0x7f.1" or "2130706433" into dotted decimal here.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** True for a host below one of AWS's zones, never the zone itself (whoever runs it). */
export function isAwsHost(hostname: string): boolean {
  return AWS_DOMAINS.some((domain) => {
    if (!hostname.endsWith(`.${domain}`)) return false;
    const labels = hostname.slice(0, -domain.length - 1).split('.');
    return labels.every((label) => DNS_LABEL_RE.test(label));
  });
}

/** True for one of `service`'s own AWS endpoint hosts (regional, FIPS, dual-stack or VPC). */
export function isServiceHost(service: EndpointService, hostname: string): boolean {
  return SERVICE_HOSTS[service].patterns.some((pattern) => pattern.test(hostname));
}

/** The host forms `service`'s endpoint may take, in words, for messages and help. */
export function allowedEndpointHosts(service: EndpointService): string {
  const { forms } = SERVICE_HOSTS[service];
  return `an https:// address at ${forms.join(', ')} (or the same under amazonaws.com.cn), or an http(s):// address on this computer (127.0.0.0/8, [::1], localhost)`;
}

/** The host as written, without a ":port" (brackets of an IPv6 address kept). */
function writtenHost(authority: string): string {
  return authority.replace(/:\d*$/, '').toLowerCase();
}

function finding(
  code: 'CONFIG_ENDPOINT_INVALID' | 'CONFIG_ENDPOINT_NOT_ALLOWED',
  message: string,
  fix: string,
  value: string,
  reason: string,
): Finding {
  return { code, message, fix, params: { value, reason } };
}

/**
 * The rule for one `endpoints` field: https to that service's own AWS hosts, or http(s) to this
 * computer (for local-aws). Anything else would hand the user's tokens to whoever runs that host.
 */
/**
 * The URL, and its host as written (group 2 of the pattern), when value matches the pattern and
 * parses; else undefined, and the refusal is the caller's.
 */
export function parsePlainUrl(
  value: string,
  pattern: RegExp,
): { url: URL; writtenHost: string } | undefined {
  const match = pattern.exec(value);
  if (!match) return undefined;
  try {
    return { url: new URL(value), writtenHost: match[2] ?? '' };
  } catch {
    return undefined;
  }
}

export function endpointRule(
  service: EndpointService,
): (value: string, field: string) => Finding | null {
  return (value, field) => checkEndpoint(service, value, field);
}

function checkEndpoint(service: EndpointService, value: string, field: string): Finding | null {
  const hosts = SERVICE_HOSTS[service];
  const shown = `${field} ${showValue(value)}`;
  const examples = `an ${hosts.label} endpoint such as "${hosts.example}", or ${STAND_IN_EXAMPLE}`;
  const parsed = parsePlainUrl(value, PLAIN_URL_RE);
  if (!parsed) {
    const userInfo = /^https?:\/\/[^/?#]*@/i.test(value);
    return finding(
      'CONFIG_ENDPOINT_INVALID',
      userInfo
        ? `${shown} has a user name or password before "@", which an endpoint never has (it can hide the real address).`
        : `${shown} is not a plain http:// or https:// address (only scheme, host, port and path are allowed).`,
      `Set it to ${examples}, or remove it to use AWS itself.`,
      value,
      userInfo ? 'userinfo' : 'malformed',
    );
  }
  const { url } = parsed;
  const { hostname } = url;
  const written = writtenHost(parsed.writtenHost);
  if (written !== hostname) {
    return finding(
      'CONFIG_ENDPOINT_INVALID',
      `${shown} writes its host as "${written}", which means "${hostname}"; Hakobu accepts only the plain form, so that every part of Hakobu reads the same address.`,
      `Write the host as "${hostname}".`,
      value,
      'unusual-host',
    );
  }
  if (hostname.endsWith('.')) {
    return finding(
      'CONFIG_ENDPOINT_INVALID',
      `${shown} ends its host with a dot.`,
      `Remove the trailing dot: "${hostname.slice(0, -1)}".`,
      value,
      'trailing-dot',
    );
  }
  if (isLoopbackHost(hostname)) return null;
  if (isServiceHost(service, hostname)) {
    if (url.protocol === 'https:') return null;
    return finding(
      'CONFIG_ENDPOINT_NOT_ALLOWED',
      `${shown} uses http:// to reach AWS, so sign-in tokens would travel unencrypted.`,
      `Write it with https:// instead: "https://${url.host}${url.pathname === '/' ? '' : url.pathname}".`,
      value,
      'aws-without-https',
    );
  }
  const what = isAwsHost(hostname)
    ? `which is an AWS host but not an ${hosts.label} endpoint (other AWS services, such as API Gateway, serve hosts there that anyone can own)`
    : `which is neither an ${hosts.label} endpoint nor this computer`;
  return finding(
    'CONFIG_ENDPOINT_NOT_ALLOWED',
    `${shown} points at ${hostname}, ${what}. Hakobu sends the user's sign-in tokens to this address, so ${field} may only be ${allowedEndpointHosts(service)}.`,
    `Remove it to use AWS itself, or set it to ${examples}.`,
    value,
    isAwsHost(hostname) ? 'not-this-service' : 'not-aws-or-loopback',
  );
}
