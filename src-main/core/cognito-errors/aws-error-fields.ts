/** What Hakobu reads from any error thrown by an AWS client: enough to classify it, nothing more. */
export interface AwsErrorFields {
  /** The service's error code (e.g. NotAuthorizedException), or a Node network code. */
  code: string;
  message: string;
  /** HTTP status, when a response arrived at all. */
  status?: number;
  /** True when no response arrived: offline, DNS, refused connection, timeout. */
  network: boolean;
}

// Node's socket errors, undici's fetch errors, and what amazon-cognito-identity-js and the SDK
// call a request that never got an answer.
const NETWORK_CODES = new Set([
  'NetworkError',
  'NetworkingError',
  'TimeoutError',
  'RequestTimeout',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const stringField = (value: object, key: string): string | undefined => {
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
};

function statusOf(value: object): number | undefined {
  const direct: unknown = (value as Record<string, unknown>).statusCode;
  if (typeof direct === 'number') return direct;
  const metadata: unknown = (value as Record<string, unknown>).$metadata;
  if (metadata && typeof metadata === 'object') {
    const status: unknown = (metadata as Record<string, unknown>).httpStatusCode;
    if (typeof status === 'number') return status;
  }
  return undefined;
}

/** Reads code, message and status from an error of amazon-cognito-identity-js, the SDK v3 or Node. */
export function awsErrorFields(error: unknown): AwsErrorFields {
  if (!error || typeof error !== 'object') {
    return { code: 'Unknown', message: String(error), network: false };
  }
  const cause: unknown = (error as { cause?: unknown }).cause;
  const causeCode = cause && typeof cause === 'object' ? stringField(cause, 'code') : undefined;
  const code = stringField(error, 'code') ?? stringField(error, 'name') ?? causeCode ?? 'Unknown';
  const message = stringField(error, 'message') ?? '';
  const status = statusOf(error);
  const network =
    status === undefined &&
    (NETWORK_CODES.has(code) ||
      (causeCode !== undefined && NETWORK_CODES.has(causeCode)) ||
      message === 'fetch failed' ||
      message === 'Network error');
  return { code, message, ...(status === undefined ? {} : { status }), network };
}
