import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { AwsError } from './aws-error';
import { readSmallBody } from './body';

/** One JSON 1.1 operation: a zod schema for its input and a function that answers it. */
export interface JsonOperation<S extends z.ZodType = z.ZodType> {
  input: S;
  handle(input: z.infer<S>, req: IncomingMessage): Promise<unknown> | unknown;
}

/** Declares an operation with its input schema, keeping the handler's input typed. */
export function operation<S extends z.ZodType>(
  input: S,
  handle: (input: z.infer<S>, req: IncomingMessage) => Promise<unknown> | unknown,
): JsonOperation<S> {
  return { input, handle };
}

/** Writes an AWS JSON 1.1 error the way Cognito does (x-amzn-ErrorType plus __type/message). */
export function sendJsonError(res: ServerResponse, error: AwsError): void {
  const body = JSON.stringify({ __type: error.code, message: error.message });
  res.writeHead(error.status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-errortype': `${error.code}:`,
    'x-amzn-errormessage': encodeURIComponent(error.message),
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Serves one AWS JSON 1.1 request: routes X-Amz-Target to an operation, validating the body. */
export async function serveJsonProtocol(
  req: IncomingMessage,
  res: ServerResponse,
  operations: Record<string, JsonOperation>,
): Promise<string> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const name = target.slice(target.indexOf('.') + 1);
  try {
    const op = Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${name}`);
    const raw = await readSmallBody(req);
    let json: unknown;
    try {
      json = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      throw new AwsError('SerializationException', 'Request body is not valid JSON');
    }
    const parsed = op.input.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'request';
      throw new AwsError(
        'InvalidParameterException',
        `1 validation error detected: Value at '${where}' failed to satisfy constraint: ${issue?.message ?? 'invalid'}`,
      );
    }
    const output = (await op.handle(parsed.data, req)) ?? {};
    const body = JSON.stringify(output);
    res.writeHead(200, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': crypto.randomUUID(),
    });
    res.end(body);
    return name;
  } catch (error) {
    sendJsonError(res, toAwsError(error));
    return name;
  }
}

/** Maps anything thrown to an AwsError; unexpected errors become a 500 InternalErrorException. */
export function toAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AwsError('InternalErrorException', message, 500);
}
