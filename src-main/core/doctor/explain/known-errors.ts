import { CORS_EXPLANATION } from '../steps/cors-note';

/** A pitfall of shared/reference/pitfalls.md, where one applies. */
export type Pitfall = 'S1' | 'S2' | 'S3' | 'S4' | 'S6' | 'S7' | 'S8' | 'S9' | 'S10';

/** A message someone might paste, with its cause and fix in words for IT. */
export interface KnownError {
  code: string;
  pitfall?: Pitfall;
  pattern: RegExp;
  cause: string;
  fix: string;
}

const TRUST =
  'The role\'s trust policy must allow "sts:AssumeRoleWithWebIdentity" for ' +
  '{"Federated": "cognito-identity.amazonaws.com"} with "cognito-identity.amazonaws.com:aud" = ' +
  'the identity pool ID and "cognito-identity.amazonaws.com:amr" = "authenticated".';

// First match wins: specific messages come before the general codes they contain.
export const KNOWN_ERRORS: readonly KnownError[] = [
  {
    code: 'doctor.explain.accessTokenUsed',
    pitfall: 'S1',
    pattern: /missing a required claim:\s*aud/i,
    cause:
      'The access token was put in the identity pool\'s Logins map. Only the ID token has the "aud" ' +
      'claim the identity pool checks.',
    fix:
      'Send the ID token (getIdToken().getJwtToken() in amazon-cognito-identity-js), not the access ' +
      'token. Hakobu always sends the ID token; if Hakobu itself shows this, report it to its developers.',
  },
  {
    code: 'doctor.explain.credentialsNotReady',
    pitfall: 'S2',
    pattern: /missing credentials in config|CredentialsError|could not load credentials/i,
    cause:
      'An AWS call ran before the identity pool had handed out credentials: right after sign-in ' +
      "(the credentials' get/refresh had not finished), or after the ID token expired (its lifetime " +
      'can be as short as 5 minutes).',
    fix:
      'Wait for the credentials (CognitoIdentityCredentials.get / refresh) before calling S3, and ' +
      'refresh the ID token before it expires. Do not turn on guest access as a workaround. Hakobu ' +
      'gets credentials from one provider that refreshes the ID token first; if Hakobu shows this, ' +
      'sign in again and run "hakobu doctor".',
  },
  {
    code: 'doctor.explain.guestRefused',
    pitfall: 'S3',
    pattern: /unauthenticated access is not supported/i,
    cause:
      'The identity pool was asked for credentials without a sign-in (no ID token in Logins), and ' +
      'guest access is off.',
    fix:
      'Pass the ID token in Logins ("cognito-idp.<region>.amazonaws.com/<user pool ID>": ID token). ' +
      'Keep guest access off: Hakobu never needs it.',
  },
  {
    code: 'doctor.explain.cors',
    pitfall: 'S4',
    pattern: /cors|preflight|access-control-allow-origin|cross-origin|network failure/i,
    cause:
      "A web page called S3 from an origin the bucket's CORS rules do not list (for example the " +
      'page was opened from another address than the one in AllowedOrigins).',
    fix: `For a web page, add its exact origin to the bucket's CORS AllowedOrigins. ${CORS_EXPLANATION}`,
  },
  {
    code: 'doctor.explain.flowNotEnabled',
    pitfall: 'S6',
    pattern: /(USER_SRP_AUTH|USER_PASSWORD_AUTH)[^.]*not enabled|auth flow not enabled/i,
    cause:
      'The app client does not allow the sign-in flow that was used (often after switching app clients).',
    fix:
      'Enable the flow on the app client (Cognito console > App clients > Authentication flows), or ' +
      'set "authFlow" in the Hakobu config to a flow the client allows (USER_SRP_AUTH is preferred).',
  },
  {
    code: 'doctor.explain.clientSecret',
    pitfall: 'S7',
    pattern: /SECRET_HASH|configured (with|for) secret|verify secret hash/i,
    cause:
      'The app client has a client secret, so Cognito demands a SECRET_HASH with every sign-in.',
    fix:
      'Use a public app client (no secret): a desktop app cannot keep a secret. Create an app ' +
      "client without a secret, put its ID in clientId, and add it to the identity pool's provider.",
  },
  {
    code: 'doctor.explain.poolConfiguration',
    pitfall: 'S8',
    pattern: /InvalidIdentityPoolConfiguration|check assigned IAM roles/i,
    cause:
      'The identity pool has no role it can give: no authenticated role is assigned, or the role ' +
      "chosen from the token (a user-pool group's role) is wrong, or the role's trust policy does " +
      'not accept this identity pool.',
    fix: `Run "hakobu doctor" while signed in: it names which of the three applies. ${TRUST}`,
  },
  {
    code: 'doctor.explain.roleFromToken',
    pitfall: 'S9',
    pattern: /ambiguous role mapping|not authorized to assume role|CustomRoleArn/i,
    cause:
      'The identity pool chooses the role from the token, and the token names no single usable ' +
      "role (several groups without precedence, or a customRoleArn the user's groups do not grant).",
    fix:
      'Give the user-pool groups a precedence (the token then carries cognito:preferred_role), set ' +
      "customRoleArn to one of the roles in the token's cognito:roles, or let ambiguous cases use " +
      'the default authenticated role.',
  },
  {
    code: 'doctor.explain.providerNotConfigured',
    pattern: /not from a supported provider|issuer doesn'?t match providerName/i,
    cause:
      "The identity pool's Amazon Cognito provider does not name this user pool and app client " +
      '(for example after the app client was replaced).',
    fix:
      'In the identity pool, edit the Cognito user pool provider so it names the user pool ID and ' +
      'the app client ID that Hakobu uses.',
  },
  {
    code: 'doctor.explain.clientMissing',
    pattern: /user pool client \S+ does not exist/i,
    cause: 'The app client ID does not exist in this region.',
    fix: 'Copy the Client ID from the Cognito console into clientId, and check region.',
  },
  {
    code: 'doctor.explain.poolMissing',
    pattern: /user pool \S+ does not exist|IdentityPool '[^']*' not found/i,
    cause: 'The user pool or identity pool ID does not exist in this region.',
    fix: 'Copy the pool IDs from the Cognito console, and set region to the region in the pool IDs.',
  },
  {
    code: 'doctor.explain.clock',
    pattern: /RequestTimeTooSkewed|signature expired|clock skew|not yet valid/i,
    cause: "This computer's clock is more than 5 minutes off, so AWS refuses its signatures.",
    fix: 'Turn on automatic date and time (NTP) and check the time zone.',
  },
  {
    code: 'doctor.explain.credentialsExpired',
    pattern:
      /ExpiredToken|provided token has expired|security token included in the request is expired|token expired/i,
    cause:
      'Temporary AWS credentials (or the ID token behind them) expired during a long transfer, or ' +
      "the computer's clock is off.",
    fix:
      'Renew credentials before they expire (the SDK only renews credentials that carry an ' +
      '"expiration"). Hakobu renews them ahead of expiry and retries once; if it keeps happening, ' +
      'check the clock.',
  },
  {
    code: 'doctor.explain.noSuchBucket',
    pattern: /NoSuchBucket|specified bucket does not exist/i,
    cause: 'The bucket name in the location is wrong, or the bucket was deleted.',
    fix: 'Check the bucket name (exact, lowercase) in the S3 console.',
  },
  {
    code: 'doctor.explain.wrongRegion',
    pattern:
      /PermanentRedirect|AuthorizationHeaderMalformed|must be addressed using the specified endpoint|region '[^']*' is wrong/i,
    cause: 'The bucket is in another region than the one Hakobu signs its requests for.',
    fix: "Use a bucket in the user pool's region, or an access point ARN in the bucket's region.",
  },
  {
    code: 'doctor.explain.accessDenied',
    pitfall: 'S10',
    pattern: /AccessDenied|access denied|not authorized to perform/i,
    cause:
      "The role's policy does not cover the key: usually the policy uses " +
      '${cognito-identity.amazonaws.com:sub} but the key was built from the user pool "sub" or the ' +
      'username. That variable is the identity pool identity ID ("<region>:<uuid>").',
    fix:
      'Build keys as "<identity ID>/…" (Hakobu does, and shows the real prefix), and allow ' +
      '"arn:aws:s3:::<bucket>/${cognito-identity.amazonaws.com:sub}/*" plus "s3:ListBucket" with ' +
      'an "s3:prefix" condition. "hakobu doctor" shows the prefix of the signed-in user.',
  },
];
