import { AwsError } from '../../http/aws-error';

/** The body's SHA-256 is not the one x-amz-content-sha256 promised. */
export function contentSha256Mismatch(clientComputed: string, s3Computed: string): AwsError {
  return new AwsError(
    'XAmzContentSHA256Mismatch',
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
    400,
    { ClientComputedContentSHA256: clientComputed, S3ComputedContentSHA256: s3Computed },
  );
}

/** The decoded body is shorter or longer than x-amz-decoded-content-length said. */
export function decodedLengthMismatch(expected: number, provided: number): AwsError {
  return new AwsError(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
    400,
    { NumberBytesExpected: String(expected), NumberBytesProvided: String(provided) },
  );
}

/** The connection ended, or the aws-chunked framing stopped, before the body was complete. */
export function bodyEndedEarly(): AwsError {
  return new AwsError('IncompleteBody', 'The request body terminated unexpectedly', 400);
}

/** Trailing headers that do not parse, or that differ from what x-amz-trailer announced. */
export function malformedTrailer(): AwsError {
  return new AwsError(
    'MalformedTrailerError',
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
    400,
  );
}

/** aws-chunked framing that is not a chunk size line where one must be. */
export function malformedChunkedEncoding(): AwsError {
  return new AwsError('InvalidRequest', 'The request body is not valid aws-chunked encoding.', 400);
}

/** aws-chunked bodies must say how long the decoded body is. */
export function missingDecodedContentLength(): AwsError {
  return new AwsError(
    'MissingContentLength',
    'You must provide the Content-Length HTTP header.',
    411,
  );
}
