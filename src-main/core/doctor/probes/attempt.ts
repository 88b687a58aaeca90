import { awsErrorFields, type AwsErrorFields } from '../../cognito-errors/aws-error-fields';

/** An AWS error as doctor reads it: the usual fields plus extra ones S3 puts in its XML (Region…). */
export interface ProbeError extends AwsErrorFields {
  /** A string field of the error object, e.g. S3's Region or Endpoint. */
  field(name: string): string | undefined;
}

/** The result of one call: its value, or the error it ended with. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ProbeError };

/** Reads an error the way doctor needs it; a timeout counts as a network failure. */
export function probeError(raw: unknown): ProbeError {
  const fields = awsErrorFields(raw);
  const timedOut = fields.code === 'AbortError' || fields.code === 'TimeoutError';
  const record: Record<string, unknown> =
    raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    ...fields,
    ...(timedOut ? { network: true, message: 'no answer in time' } : {}),
    field: (name) => {
      const value = record[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
  };
}

/** Runs one call and captures its outcome instead of throwing. */
export async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (raw) {
    return { ok: false, error: probeError(raw) };
  }
}

/** "Code: message", as an administrator would search for it. */
export const describeError = (error: AwsErrorFields): string =>
  error.message ? `${error.code}: ${error.message}` : error.code;
