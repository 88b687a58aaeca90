import { decodeXmlText } from '../../xml/xml-text';

/**
 * A failed S3 request in the shape the engine reads from the SDK's errors: `name` is S3's error
 * code and `$metadata.httpStatusCode` the status, so retry, expiry and conflict handling treat
 * both paths alike.
 */
export class S3ResponseError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  readonly $fault: 'client' | 'server';

  constructor(code: string, message: string, status: number, requestId?: string) {
    super(message || code);
    this.name = code;
    this.$fault = status >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}) };
  }
}

// S3's error body is flat XML (<Error><Code>…</Code><Message>…</Message>…): two fields are read,
// so no parser is needed.
const tag = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/** The error for a non-2xx answer; a body without a code (a HEAD, a proxy's page) names the status. */
export function s3ResponseError(status: number, body: string, requestId?: string): S3ResponseError {
  const code = tag(body, 'Code') ?? (status === 412 ? 'PreconditionFailed' : `Http${status}`);
  return new S3ResponseError(code, decodeXmlText(tag(body, 'Message') ?? ''), status, requestId);
}
