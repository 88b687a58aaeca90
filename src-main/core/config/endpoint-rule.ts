import { showValue, type Finding } from './problems';

// Hakobu sends the user's tokens to these endpoints (the ID token to cognito-identity, the refresh
// token to cognito-idp), so a config file may name only AWS itself or a stand-in on this computer.

/** AWS's own DNS zones: every Cognito and S3 endpoint (regional, FIPS, VPC) lives below one. */
export const AWS_DOMAINS = ['amazonaws.com', 'amazonaws.com.cn'] as const;

const DNS_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Only scheme, host, port and path: "@", "\", "?", "#" and spaces are where URL parsers disagree
// (or hide the real host), so they are refused before the host is even looked at.
const PLAIN_URL_RE = /^(https?):\/\/([^/?#@\\\s]+)(\/[^?#\\\s]*)?$/i;

const EXAMPLES =
  'an AWS endpoint such as "https://cognito-idp.ap-northeast-1.amazonaws.com" (VPC and FIPS endpoints work too), or a stand-in on this computer such as "http://127.0.0.1:4566"';

/** True for an address that never leaves this computer: 127.0.0.0/8, [::1] and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  // WHATWG URL has already turned "0x7f.1" or "2130706433" into dotted decimal here.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** True for a host below one of AWS's zones (a VPC or FIPS endpoint host too), never the zone itself. */
export function isAwsHost(hostname: string): boolean {
  return AWS_DOMAINS.some((domain) => {
    if (!hostname.endsWith(`.${domain}`)) return false;
    const labels = hostname.slice(0, -domain.length - 1).split('.');
    return labels.every((label) => DNS_LABEL_RE.test(label));
  });
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
 * Checks an endpoint override: https to an AWS host, or http(s) to this computer (for local-aws).
 * Anything else would hand the user's tokens to whoever runs that host.
 */
export function checkEndpoint(value: string, field: string): Finding | null {
  const shown = `${field} ${showValue(value)}`;
  const plain = PLAIN_URL_RE.exec(value);
  let url: URL | undefined;
  try {
    url = plain ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!plain || !url) {
    const userInfo = /^https?:\/\/[^/?#]*@/i.test(value);
    return finding(
      'CONFIG_ENDPOINT_INVALID',
      userInfo
        ? `${shown} has a user name or password before "@", which an endpoint never has (it can hide the real address).`
        : `${shown} is not a plain http:// or https:// address (only scheme, host, port and path are allowed).`,
      `Set it to ${EXAMPLES}, or remove it to use AWS itself.`,
      value,
      userInfo ? 'userinfo' : 'malformed',
    );
  }
  const { hostname } = url;
  const written = writtenHost(plain[2] ?? '');
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
  if (isAwsHost(hostname)) {
    if (url.protocol === 'https:') return null;
    return finding(
      'CONFIG_ENDPOINT_NOT_ALLOWED',
      `${shown} uses http:// to reach AWS, so sign-in tokens would travel unencrypted.`,
      `Write it with https:// instead: "https://${url.host}${url.pathname === '/' ? '' : url.pathname}".`,
      value,
      'aws-without-https',
    );
  }
  return finding(
    'CONFIG_ENDPOINT_NOT_ALLOWED',
    `${shown} points at ${hostname}, which is neither AWS (a host ending in .amazonaws.com or .amazonaws.com.cn) nor this computer. Hakobu sends the user's sign-in tokens to this address, so it refuses any other.`,
    `Remove it to use AWS itself, or set it to ${EXAMPLES}.`,
    value,
    'not-aws-or-loopback',
  );
}
