import { allowedEndpointHosts, type EndpointService } from './endpoint-rule';

/** What a field must hold and how to set it, for messages about wrong types, ranges and choices. */
export interface FieldHelp {
  expect: string;
  fix: string;
}

// Keyed by path with array indices as "*". Fields with a rule of their own (IDs, bucket, prefix...)
// still need an entry here for the case where the value is not even a string.
const endpointHelp = (service: EndpointService): FieldHelp => ({
  expect: allowedEndpointHosts(service),
  fix: 'Remove it to use AWS itself, or set it to an address such as "http://127.0.0.1:4566" for a local stand-in.',
});

const HELP: Record<string, FieldHelp> = {
  region: {
    expect: 'an AWS region code in quotes, such as "ap-northeast-1"',
    fix: 'Set region to the region of your user pool (the part before "_" in the user pool ID).',
  },
  userPoolId: {
    expect: 'a user pool ID in quotes, such as "ap-northeast-1_AbCdEf123"',
    fix: 'Copy the "User pool ID" from the Cognito user pool\'s overview page.',
  },
  clientId: {
    expect: 'an app client ID in quotes: 26 lowercase letters and digits',
    fix: 'Copy the "Client ID" from the app client\'s page in the Cognito console.',
  },
  identityPoolId: {
    expect: 'an identity pool ID in quotes, such as "ap-northeast-1:<uuid>"',
    fix: 'Copy the "Identity pool ID" from the Cognito identity pool\'s page.',
  },
  authFlow: {
    expect: '"USER_SRP_AUTH" or "USER_PASSWORD_AUTH"',
    fix: 'Use "USER_SRP_AUTH" (the default) unless the app client only allows USER_PASSWORD_AUTH.',
  },
  endpoints: {
    expect: 'an object such as {"s3": "http://127.0.0.1:4566"}',
    fix: 'Remove endpoints to use AWS itself; set it only for an AWS VPC or FIPS endpoint, or to point Hakobu at a stand-in on this computer.',
  },
  'endpoints.cognitoIdp': endpointHelp('cognitoIdp'),
  'endpoints.cognitoIdentity': endpointHelp('cognitoIdentity'),
  'endpoints.s3': endpointHelp('s3'),
  locations: {
    expect: 'a list of locations, such as [{"name": "Photos", "bucket": "my-bucket"}]',
    fix: 'Add at least one location with a name and a bucket.',
  },
  'locations.*': {
    expect: 'an object with "name" and "bucket" (and optionally "prefix" and "access")',
    fix: 'Write each location like {"name": "Photos", "bucket": "my-bucket"}.',
  },
  'locations.*.name': {
    expect: 'a short name in quotes, such as "Photos"',
    fix: 'Give every location a name; it is what users see in Hakobu.',
  },
  'locations.*.bucket': {
    expect: 'a bucket name or access point ARN in quotes',
    fix: 'Use the bucket name as shown in the S3 console.',
  },
  'locations.*.prefix': {
    expect: 'a key prefix template in quotes, such as "${identityId}/"',
    fix: 'Write "${identityId}/" (the default) or a folder below it.',
  },
  'locations.*.access': {
    expect: '"readwrite" or "read"',
    fix: 'Use "readwrite" (the default) for the user\'s own folder, or "read" for a shared one.',
  },
  customRoleArn: {
    expect: 'an IAM role ARN in quotes, such as "arn:aws:iam::123456789012:role/HakobuUploaders"',
    fix: "Copy the role ARN from the identity pool's role settings, or remove customRoleArn.",
  },
  signIn: {
    expect:
      'an object such as {"method": "managedLogin", "domain": "https://<prefix>.auth.<region>.amazoncognito.com"}',
    fix: 'Remove signIn to sign in with a password, or see docs/sso.md for browser sign-in.',
  },
  'signIn.method': {
    expect: '"password" or "managedLogin"',
    fix: 'Use "managedLogin" to sign in through the browser (Cognito managed login), else "password" (the default).',
  },
  'signIn.domain': {
    expect:
      'the user pool\'s domain, such as "https://<prefix>.auth.ap-northeast-1.amazoncognito.com" (a custom domain only in IT\'s managed file)',
    fix: 'Copy the domain from the user pool\'s "Domain" page in the Cognito console.',
  },
  'signIn.identityProvider': {
    expect: 'the provider name of an identity provider in the user pool, such as "EntraID"',
    fix: 'Copy the provider name from the user pool\'s "Social and external providers" page, or remove it to show managed login\'s own page.',
  },
  'signIn.idpIdentifier': {
    expect: 'an identifier of an identity provider in the user pool, such as "example.com"',
    fix: "Copy an identifier from the provider's page in the user pool, or remove it.",
  },
  'signIn.displayName': {
    expect: 'a short company name in quotes, such as "Example Corp"',
    fix: 'It is shown on the button as "Sign in with Example Corp".',
  },
  'signIn.callbackPorts': {
    expect: 'a list of port numbers from 1024 to 65535, such as [47120, 47121, 47122]',
    fix: 'Register http://localhost:<port>/callback for each port as a callback URL of the app client.',
  },
  'signIn.signOutOfBrowser': {
    expect: 'true or false, without quotes',
    fix: "Set true to also end the browser's managed-login session at sign-out (register http://localhost:<port>/signed-out as sign-out URLs).",
  },
  'signIn.browserTimeoutSeconds': {
    expect: 'a whole number of seconds from 1 to 3600',
    fix: 'Remove it to wait 5 minutes for the browser (the default).',
  },
  transfers: {
    expect: 'an object such as {"parallelTransfers": 16}',
    fix: 'Remove transfers to use the defaults.',
  },
  // The default lives with the engine and is tuned from the bench, so these texts don't repeat it.
  'transfers.parallelTransfers': {
    expect: 'a whole number of files or parts sent at once, from 1 to 64',
    fix: 'Remove it to use the default, or set a whole number from 1 to 64, without quotes.',
  },
  'transfers.concurrency': {
    expect: 'a whole number of files from 1 to 16',
    fix: 'Remove it and set transfers.parallelTransfers instead, or set a whole number from 1 to 16, without quotes.',
  },
  'transfers.partConcurrency': {
    expect: 'a whole number of parts from 1 to 16',
    fix: 'Remove it and set transfers.parallelTransfers instead, or set a whole number from 1 to 16, without quotes.',
  },
  'transfers.partSizeMiB': {
    expect: 'a whole number of MiB from 5 to 5120, because S3 parts must be 5 MiB to 5 GiB',
    fix: 'Set it to 8 (the default) or another whole number from 5 to 5120, without quotes.',
  },
  'transfers.conflictPolicy': {
    expect: '"ask", "overwrite", "skip" or "rename"',
    fix: 'Use "ask" (the default) to decide per file.',
  },
  'transfers.conditionalWrites': {
    expect: 'true or false, without quotes',
    fix: 'Leave it out (true) for Amazon S3; set false only when `hakobu doctor` says the storage service ignores conditional writes.',
  },
  ui: {
    expect: 'an object such as {"language": "ja"}',
    fix: 'Remove ui to use the defaults.',
  },
  'ui.language': {
    expect: '"system", "ja" or "en"',
    fix: 'Use "system" (the default) to follow the operating system.',
  },
  'ui.theme': {
    expect: '"system", "light" or "dark"',
    fix: 'Use "system" (the default) to follow the operating system.',
  },
  // Only the managed file may set these (merge.ts IT_ONLY_GROUPS); see docs/it-admin.md.
  updates: {
    expect: 'an object such as {"enabled": false}',
    fix: 'Remove updates to update from the address built into the installer.',
  },
  'updates.enabled': {
    expect: 'true or false, without quotes',
    fix: 'Set false to stop Hakobu updating itself (for example when IT deploys each version).',
  },
  'updates.url': {
    expect: 'an https:// address of the folder that holds latest.yml, without credentials',
    fix: 'Remove it to use the address built into the installer, or set your internal update server.',
  },
  'updates.channel': {
    expect: '"latest", "beta" or "alpha"',
    fix: 'Use "latest" (the default) for released versions.',
  },
};

const FALLBACK: FieldHelp = {
  expect: 'a valid value',
  fix: 'Check the value against the Hakobu configuration reference.',
};

/** The help text for a key path such as ["locations", 0, "bucket"]. */
export function fieldHelp(path: readonly PropertyKey[]): FieldHelp {
  const key = path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  return HELP[key] ?? FALLBACK;
}

/** Writes a key path the way a user reads it: locations[0].bucket. */
export function displayPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}
