// Every shape in which a secret has been seen heading for a log, with the secret parts that must
// never come out. Shared by the redaction tests and the tests that drive the real loggers.

const jwt =
  'eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwidG9rZW5fdXNlIjoiaWQifQ.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
const refreshJwe =
  'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.abcDEF123.ghiJKL456.mnoPQR789.stuVWX012';
const sessionToken = 'IQoJb3JpZ2luX2VjEJr0sessionTokenBody0123456789abcdef';
const signature = 'a1b2c3d4'.repeat(8);

/** Secret values: none of these may appear in any log output. */
export const SECRETS = [
  jwt,
  'stuVWX012',
  'ASIAABCDEFGHIJKLMNOP',
  sessionToken,
  signature,
  'opaque-bearer-7f3a',
  'st-json-91',
  'sk-json-82',
  'pw-json-73',
  'rt-json-64',
  'np-json-55',
  'sh-json-46',
  'sak-json-37',
  'sk-escaped-28',
  'sig-pct-19',
  'tok-pct-10',
  'cred-pct-01',
  'JBSWY3DPEHPK3PXP',
  'rt-form-92',
  'sk-field-83',
  'pw-field-74',
  'deep-secret-65',
  'err-secret-56',
] as const;

/** Text shapes: tokens, headers, JSON bodies and (percent-encoded) URLs as they appear in logs. */
export const SECRET_TEXTS: readonly string[] = [
  `ID token ${jwt}, refresh token ${refreshJwe}`,
  `key=ASIAABCDEFGHIJKLMNOP token=${sessionToken}`,
  `x-amz-security-token: ${sessionToken}`,
  `X-AMZ-SECURITY-TOKEN:${sessionToken}`,
  `Authorization: AWS4-HMAC-SHA256 Credential=ASIAABCDEFGHIJKLMNOP/20240101/ap-northeast-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
  'authorization: Bearer opaque-bearer-7f3a',
  '{"AccessKeyId":"AKIDSAFE","SessionToken":"st-json-91","SecretKey":"sk-json-82","PASSWORD":"pw-json-73"}',
  '{"AuthParameters": {"REFRESH_TOKEN": "rt-json-64", "NEW_PASSWORD": "np-json-55", "SECRET_HASH": "sh-json-46"}}',
  '{"Credentials":{"SecretAccessKey":"sak-json-37"}}',
  'body: "{\\"SecretKey\\":\\"sk-escaped-28\\"}"',
  'https://app.example/open?target=https%3A%2F%2Fb.s3.amazonaws.com%2Fk%3FX-Amz-Signature%3Dsig-pct-19%26X-Amz-Security-Token%3Dtok-pct-10%26X-Amz-Credential%3Dcred-pct-01',
  `https://b.s3.amazonaws.com/k?X-Amz-Credential=ASIAABCDEFGHIJKLMNOP%2F20240101&X-Amz-Signature=${signature}`,
  'otpauth://totp/Hakobu:demo%40hakobu.example?secret=JBSWY3DPEHPK3PXP&issuer=Hakobu',
  'grant_type=refresh_token&refresh_token=rt-form-92&client_id=abc',
];

/** Object shapes: secret-named fields, an error carrying a token, and a deeply nested secret. */
export function secretValues(): unknown[] {
  let deep: unknown = { note: 'deep-secret-65' };
  for (let level = 0; level < 12; level += 1) deep = { level: deep };
  return [
    { AuthParameters: { USERNAME: 'demo', SecretKey: 'sk-field-83', PASSWORD: 'pw-field-74' } },
    new Error(`refresh failed: {"RefreshToken":"err-secret-56"} ${jwt}`),
    deep,
  ];
}

/** Ordinary log text that must come out exactly as it went in. */
export const ORDINARY_TEXTS: readonly string[] = [
  'authorization failed; tokens expire; password reset requested; the session ended',
  'upload of photos/2024/IMG_0001.jpg failed: NETWORK (retrying in 2 s)',
  '{"USERNAME":"demo@hakobu.example","AccessKeyId":"AKIDSAFE","tokenCount":3}',
  'https://b.s3.amazonaws.com/k?prefix=users%2Fdemo&max-keys=1000',
];
