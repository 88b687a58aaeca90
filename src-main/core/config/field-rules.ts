import { showValue, type Finding } from './problems';

// Each rule checks one string field and explains, in the user's terms, what the right value looks
// like and where to find it. They return null when the value is fine.

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REGION_RE = new RegExp(`^${REGION}$`);
const USER_POOL_ID_RE = new RegExp(`^(${REGION})_[0-9A-Za-z]+$`);
const IDENTITY_POOL_ID_RE = new RegExp(`^(${REGION}):${UUID}$`);
const CLIENT_ID_RE = /^[a-z0-9]{26}$/;
const ACCESS_POINT_ARN_RE = new RegExp(
  `^arn:aws(?:-[a-z]+)*:s3:${REGION}:\\d{12}:accesspoint[/:][a-z0-9](?:[a-z0-9-]{1,48})[a-z0-9]$`,
);
const ROLE_ARN_RE = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IPV4_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The only variable a prefix template may use: the Identity Pool identity ID. */
export const IDENTITY_ID_VARIABLE = '${identityId}';
/** The prefix every readwrite location starts with, because the IAM policy allows only that. */
export const OWN_FOLDER_PREFIX = `${IDENTITY_ID_VARIABLE}/`;

/** The region encoded in a user pool ID ("ap-northeast-1_AbC" -> "ap-northeast-1"), if well-formed. */
export function userPoolRegion(userPoolId: string): string | undefined {
  return USER_POOL_ID_RE.exec(userPoolId)?.[1];
}

/** The region encoded in an identity pool ID ("ap-northeast-1:<uuid>" -> "ap-northeast-1"), if well-formed. */
export function identityPoolRegion(identityPoolId: string): string | undefined {
  return IDENTITY_POOL_ID_RE.exec(identityPoolId)?.[1];
}

/** Checks an AWS region code such as "ap-northeast-1". */
export function checkRegion(value: string, field: string): Finding | null {
  if (REGION_RE.test(value)) return null;
  return {
    code: 'CONFIG_REGION_INVALID',
    message: `${field} ${showValue(value)} is not an AWS region code.`,
    fix: `Set ${field} to the region of your user pool, written like "ap-northeast-1" (the part before "_" in the user pool ID).`,
    params: { value },
  };
}

/** Checks a Cognito user pool ID such as "ap-northeast-1_AbCdEf123". */
export function checkUserPoolId(value: string, field: string): Finding | null {
  if (USER_POOL_ID_RE.test(value)) return null;
  const hint = IDENTITY_POOL_ID_RE.test(value)
    ? ` That is an identity pool ID: put it in identityPoolId, and copy the "User pool ID" from the Cognito user pool's overview page here.`
    : ` Copy the "User pool ID" from the Cognito user pool's overview page.`;
  return {
    code: 'CONFIG_USER_POOL_ID_INVALID',
    message: `${field} ${showValue(value)} is not a Cognito user pool ID, which looks like "ap-northeast-1_AbCdEf123".`,
    fix: hint.trim(),
    params: { value },
  };
}

/** Checks that a pool ID (whose region is poolRegion) lives in the configured region. */
export function checkPoolRegion(
  value: string,
  field: string,
  region: string,
  poolRegion: string | undefined,
  what: 'pool' | 'identity pool',
): Finding | null {
  if (poolRegion === undefined || poolRegion === region) return null;
  return {
    code:
      what === 'pool' ? 'CONFIG_USER_POOL_REGION_MISMATCH' : 'CONFIG_IDENTITY_POOL_REGION_MISMATCH',
    message: `${field} ${showValue(value)} is in region ${poolRegion} but region is ${region}.`,
    fix: `Set region to ${poolRegion}, or use the ${what} ID from the right region.`,
    params: { value, poolRegion, region },
  };
}

/** Checks an app client ID: Cognito issues exactly 26 lowercase letters and digits. */
export function checkClientId(value: string, field: string): Finding | null {
  if (CLIENT_ID_RE.test(value)) return null;
  const where = `Copy the "Client ID" from the app client's page in the Cognito console (App integration > App clients).`;
  let problem: string;
  if (USER_POOL_ID_RE.test(value) || IDENTITY_POOL_ID_RE.test(value)) {
    problem = `is a pool ID, not an app client ID.`;
  } else if (value.length !== 26) {
    problem = `is ${value.length} characters long, but a Cognito app client ID is exactly 26 lowercase letters and digits.`;
  } else {
    problem = `has characters other than lowercase letters and digits, which a Cognito app client ID never has.`;
  }
  return {
    code: 'CONFIG_CLIENT_ID_INVALID',
    message: `${field} ${showValue(value)} ${problem}`,
    fix: where,
    params: { value, length: value.length },
  };
}

/** Checks an identity pool ID such as "ap-northeast-1:<uuid>". */
export function checkIdentityPoolId(value: string, field: string): Finding | null {
  if (IDENTITY_POOL_ID_RE.test(value)) return null;
  const hint = USER_POOL_ID_RE.test(value)
    ? `That is a user pool ID: put it in userPoolId, and copy the "Identity pool ID" from the Cognito identity pool's page here.`
    : `Copy the "Identity pool ID" from the Cognito identity pool's page.`;
  return {
    code: 'CONFIG_IDENTITY_POOL_ID_INVALID',
    message: `${field} ${showValue(value)} is not a Cognito identity pool ID, which looks like "ap-northeast-1:1a2b3c4d-0000-4000-8000-123456789abc".`,
    fix: hint,
    params: { value },
  };
}

/** Checks an S3 bucket name or access point ARN, with hints for the usual copy-paste mistakes. */
export function checkBucket(value: string, field: string): Finding | null {
  if (ACCESS_POINT_ARN_RE.test(value)) return null;
  const isName =
    BUCKET_RE.test(value) &&
    !value.includes('..') &&
    !IPV4_RE.test(value) &&
    !value.startsWith('xn--');
  if (isName) return null;
  const s3Uri = /^s3:\/\/([^/]+)/.exec(value);
  const bucketArn = /^arn:aws(?:-[a-z]+)*:s3:::([^/]+)$/.exec(value);
  let fix: string;
  if (s3Uri) fix = `Write only the bucket name: "${s3Uri[1]}".`;
  else if (bucketArn) fix = `Write the bucket name "${bucketArn[1]}" instead of the bucket's ARN.`;
  else if (value.toLowerCase() !== value && BUCKET_RE.test(value.toLowerCase()))
    fix = `Bucket names are lowercase: check the exact name in the S3 console.`;
  else
    fix = `Use the bucket name as shown in the S3 console (3-63 lowercase letters, digits, dots and hyphens), or an access point ARN like "arn:aws:s3:ap-northeast-1:123456789012:accesspoint/my-access-point".`;
  return {
    code: 'CONFIG_BUCKET_INVALID',
    message: `${field} ${showValue(value)} is not an S3 bucket name or access point ARN.`,
    fix,
    params: { value },
  };
}

/** Checks a location name: it appears in hakobu-media:// URLs, so it must be one clean path segment. */
export function checkLocationName(value: string, field: string): Finding | null {
  const bad =
    value.trim() === '' ||
    value === '.' ||
    value === '..' ||
    value.length > 128 ||
    /[/\\]/.test(value) ||
    [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!bad) return null;
  return {
    code: 'CONFIG_LOCATION_NAME_INVALID',
    message: `${field} ${showValue(value)} is not a usable location name.`,
    fix: `Use a short name of 1-128 characters without "/", "\\" or control characters, e.g. "Photos".`,
    params: { value },
  };
}

/** Checks a prefix template: only ${identityId}, and for readwrite it must come first. */
export function checkPrefix(
  value: string,
  field: string,
  access: 'readwrite' | 'read',
): Finding | null {
  const variables = [...value.matchAll(/\$\{([^}]*)\}?/g)].map((m) => m[0]);
  const unknown = variables.find((v) => v !== IDENTITY_ID_VARIABLE);
  if (unknown !== undefined) {
    const iamVariable = unknown.startsWith('${cognito-identity.amazonaws.com:');
    return {
      code: 'CONFIG_PREFIX_UNKNOWN_VARIABLE',
      message: `${field} ${showValue(value)} uses ${unknown}, but the only variable Hakobu fills in is ${IDENTITY_ID_VARIABLE} (the Identity Pool identity ID).`,
      fix: iamVariable
        ? `${unknown} is how the IAM policy names it; in Hakobu write ${IDENTITY_ID_VARIABLE}, e.g. "${OWN_FOLDER_PREFIX}".`
        : `Write "${OWN_FOLDER_PREFIX}" (the user pool "sub" and the username are not what the IAM policy uses).`,
      params: { value, variable: unknown },
    };
  }
  if (value.startsWith('/')) {
    return {
      code: 'CONFIG_PREFIX_INVALID',
      message: `${field} ${showValue(value)} starts with "/", so every key would begin with an empty folder.`,
      fix: `Remove the leading "/", e.g. "${OWN_FOLDER_PREFIX}".`,
      params: { value },
    };
  }
  if (access === 'readwrite' && !value.startsWith(OWN_FOLDER_PREFIX)) {
    return {
      code: 'CONFIG_PREFIX_NOT_OWN_FOLDER',
      message: `${field} ${showValue(value)} does not start with ${OWN_FOLDER_PREFIX}, but this location is readwrite and the IAM policy lets each user write only under their own identity ID.`,
      fix: `Start the prefix with "${OWN_FOLDER_PREFIX}", or set this location's access to "read".`,
      params: { value },
    };
  }
  return null;
}

/** Checks an IAM role ARN (for identity pools that choose the role from the token). */
export function checkRoleArn(value: string, field: string): Finding | null {
  if (ROLE_ARN_RE.test(value)) return null;
  return {
    code: 'CONFIG_ROLE_ARN_INVALID',
    message: `${field} ${showValue(value)} is not an IAM role ARN.`,
    fix: `Use the full ARN, like "arn:aws:iam::123456789012:role/HakobuUploaders", from the identity pool's role settings, or remove customRoleArn to use the pool's default role.`,
    params: { value },
  };
}
