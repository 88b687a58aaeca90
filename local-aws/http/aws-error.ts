/** An error the stand-in answers with, using the real service's code, message and HTTP status. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra fields S3 puts in its XML error body (e.g. Key, BucketName). */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}
