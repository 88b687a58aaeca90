// What each setting means, for docs/config.schema.json: editors show these as hover text and
// completion hints while IT writes a managed file. Keyed by setting path, arrays' items as "*".

/** The JSON schema's title. */
export const SCHEMA_TITLE = 'Hakobu configuration';
/** The JSON schema's description: what a file is and where the guide lives. */
export const SCHEMA_DESCRIPTION =
  "One Hakobu configuration file: the managed file IT deploys (every key it sets is locked), the user's config.json, or the file HAKOBU_CONFIG names. Every key is optional in one file; the merged result needs region, userPoolId, clientId, identityPoolId and locations. See docs/it-admin.md.";

const MANAGED_ONLY =
  ' On a machine with a managed file, only that file sets this group (user files cannot add or change it).';
const IT_ONLY =
  ' Only the managed file may set this: a user file or HAKOBU_CONFIG file that sets it is ignored with a warning.';

/** Descriptions by setting path. */
export const SETTING_DOCS: Readonly<Record<string, string>> = {
  $schema: 'The address of this JSON schema, for editors. Hakobu ignores it.',
  region: 'The AWS region of the user pool and identity pool, such as "ap-northeast-1".',
  userPoolId: 'The Cognito user pool ID, such as "ap-northeast-1_AbCdEf123".',
  clientId:
    'The app client ID (26 lowercase letters and digits). It must be a public client, without a client secret.',
  identityPoolId: 'The Cognito identity pool ID, such as "ap-northeast-1:<uuid>".',
  authFlow:
    'How users sign in: "USER_SRP_AUTH" (the default; the password never leaves the computer) or "USER_PASSWORD_AUTH".',
  endpoints: `Other addresses for AWS services: interface VPC or FIPS endpoints, or a stand-in on this computer for tests. Leave out to use AWS itself.${MANAGED_ONLY}`,
  'endpoints.cognitoIdp':
    'The Cognito user pools endpoint: https://cognito-idp(-fips).<region>.amazonaws.com, a cognito-idp interface VPC endpoint, or loopback.',
  'endpoints.cognitoIdentity':
    'The Cognito identity pools endpoint: https://cognito-identity(-fips).<region>.amazonaws.com, a cognito-identity interface VPC endpoint, or loopback.',
  'endpoints.s3':
    'The S3 endpoint: a regional, FIPS, dual-stack or interface VPC endpoint of S3, or loopback.',
  locations: 'Where users upload and browse: one or more buckets (or access points) with a prefix.',
  'locations.*': 'One location: a name users see, a bucket, and optionally a prefix and access.',
  'locations.*.name': 'The name users see for this location, such as "Photos". Unique.',
  'locations.*.bucket': 'The bucket name, or an S3 access point ARN.',
  'locations.*.prefix':
    'The key prefix template. "${identityId}/" (the default) is the user\'s own folder; readwrite locations must stay inside it.',
  'locations.*.access': '"readwrite" (the default) or "read" for a shared, read-only location.',
  customRoleArn:
    'An IAM role ARN to ask the identity pool for, when it chooses roles from the token (cognito:roles).',
  transfers: 'How uploads run.',
  'transfers.parallelTransfers':
    "How many files, or parts of large files, are sent at once (1-64; unset: the engine's default). Lock it in the managed file to cap what users may choose.",
  'transfers.concurrency':
    'Older setting (1-16): files at once. With partConcurrency, their product caps parallelTransfers.',
  'transfers.partConcurrency':
    'Older setting (1-16): parts of one file at once. With concurrency, their product caps parallelTransfers.',
  'transfers.partSizeMiB': 'The multipart part size in MiB (5-5120; default 8).',
  'transfers.conflictPolicy':
    'What to do when a file of the same name exists: "ask" (default), "overwrite", "skip" or "rename".',
  'transfers.conditionalWrites':
    'Leave out for Amazon S3. false only for an S3-compatible service that ignores conditional writes (hakobu doctor says so).',
  ui: 'How the window looks.',
  'ui.language': '"system" (default, follows the operating system), "ja" or "en".',
  'ui.theme': '"system" (default), "light" or "dark".',
  updates: `Whether and from where Hakobu updates itself.${IT_ONLY}`,
  'updates.enabled': `false stops Hakobu updating itself (default true). An MSI install never updates itself.${IT_ONLY}`,
  'updates.url': `The https:// folder that holds latest.yml and the installers (your internal server). Leave out to use the address built into the installer. No user name, password or query string.${IT_ONLY}`,
  'updates.channel': `"latest" (default, released versions), "beta" or "alpha". Never moves a machine to an older version.${IT_ONLY}`,
  signIn: `How people sign in: the password form (the default) or the browser through Cognito managed login, which can go straight on to your company's identity provider. See docs/sso.md.${MANAGED_ONLY}`,
  'signIn.method':
    '"password" (the default) or "managedLogin" (the system browser, OAuth code + PKCE).',
  'signIn.domain':
    'The managed-login domain: https://<prefix>.auth.<region>.amazoncognito.com, or your custom domain (managed file only). Needed for "managedLogin".',
  'signIn.identityProvider':
    'The identity provider name in the user pool (such as "EntraID"): the browser goes straight to it instead of the Cognito sign-in page.',
  'signIn.idpIdentifier':
    'An identifier of the identity provider (such as your email domain), as an alternative to identityProvider.',
  'signIn.displayName':
    'The company name on the sign-in button: "Sign in with <displayName>". Defaults to the identity provider name.',
  'signIn.callbackPorts':
    'Loopback ports for http://localhost:<port>/callback, tried in order (default 47120, 47121, 47122). Each must be a callback URL of the app client.',
  'signIn.browserTimeoutSeconds':
    'How long Hakobu waits for the browser sign-in before saying it timed out (1-3600 seconds).',
  'signIn.signOutOfBrowser':
    "true also ends the browser's managed-login session at sign-out, so the next sign-in asks again.",
};
