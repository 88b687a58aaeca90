import { isLoopbackHost, parsePlainUrl } from './endpoint-rule';
import { showValue, type Finding } from './problems';

// The managed-login domain receives the authorization code, the PKCE verifier and the refresh
// token, so it gets the same care as `endpoints`: Cognito's own prefix domains, this computer
// (local-aws), or a custom domain only IT's managed file may name (see checkCustomDomainOrigin).

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
// <prefix>.auth.<region>.amazoncognito.com (and auth-fips); prefixes are lowercase letters,
// digits and hyphens, like Cognito's own console enforces.
const COGNITO_DOMAIN_RE = new RegExp(
  `^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.auth(?:-fips)?\\.${REGION}\\.amazoncognito\\.com$`,
);
const PLAIN_ORIGIN_RE = /^(https?):\/\/([^/?#@\\\s]+)\/?$/i;
const HOST_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** What kind of host a (valid) managed-login domain is. */
export type SignInDomainKind = 'cognito' | 'loopback' | 'custom';

/** Classifies a domain already accepted by checkSignInDomain. */
export function signInDomainKind(value: string): SignInDomainKind {
  const hostname = new URL(value).hostname;
  if (isLoopbackHost(hostname)) return 'loopback';
  return COGNITO_DOMAIN_RE.test(hostname) ? 'cognito' : 'custom';
}

const EXAMPLE = '"https://<your-prefix>.auth.ap-northeast-1.amazoncognito.com"';

/** Checks signIn.domain: an https:// origin (no path), or http(s) on this computer. */
export function checkSignInDomain(value: string, field: string): Finding | null {
  const shown = `${field} ${showValue(value)}`;
  const parsed = parsePlainUrl(value, PLAIN_ORIGIN_RE);
  if (!parsed) {
    return {
      code: 'CONFIG_SIGN_IN_DOMAIN_INVALID',
      message: `${shown} is not a plain https:// address of a sign-in domain (scheme and host only, no path, no user name).`,
      fix: `Copy the domain from the user pool's "Domain" page in the Cognito console, such as ${EXAMPLE}.`,
      params: { value },
    };
  }
  const { url } = parsed;
  const written = parsed.writtenHost.replace(/:\d*$/, '').toLowerCase();
  if (isLoopbackHost(url.hostname) && written === url.hostname) return null;
  if (url.protocol !== 'https:') {
    return {
      code: 'CONFIG_SIGN_IN_DOMAIN_NOT_ALLOWED',
      message: `${shown} uses http://, so sign-in codes and tokens would travel unencrypted.`,
      fix: `Write it with https://: "https://${url.host}".`,
      params: { value },
    };
  }
  if (written !== url.hostname || !HOST_RE.test(url.hostname)) {
    return {
      code: 'CONFIG_SIGN_IN_DOMAIN_INVALID',
      message: `${shown} does not name a plain host name.`,
      fix: `Copy the domain from the user pool's "Domain" page in the Cognito console, such as ${EXAMPLE}.`,
      params: { value },
    };
  }
  return null;
}

/**
 * A custom domain (login.example.com) is any host its owner points at Cognito; only IT may name
 * one, so it is accepted from the managed file alone. Null when fine.
 */
export function checkCustomDomainOrigin(
  domain: string,
  source: string,
  file: string | null,
): Finding | null {
  if (signInDomainKind(domain) !== 'custom' || source === 'managed') return null;
  return {
    code: 'CONFIG_SIGN_IN_DOMAIN_NOT_ALLOWED',
    message: `signIn.domain ${showValue(domain)}${file ? ` in ${file}` : ''} is a custom domain. Hakobu sends sign-in tokens there, so a custom domain is accepted only from IT's managed configuration file.`,
    fix: `Use the user pool's Cognito domain (${EXAMPLE}) here, or ask IT to set signIn.domain in the managed configuration.`,
    params: { value: domain },
  };
}

/** The loopback ports Hakobu listens on for the redirect unless IT names others. */
export const DEFAULT_CALLBACK_PORTS: readonly number[] = [47120, 47121, 47122];
