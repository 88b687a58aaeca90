import { AwsError } from '../http/aws-error';

// Codes, messages and statuses below are S3's own, word for word, because clients and users
// match on them.

/** 404 NoSuchBucket. */
export const noSuchBucket = (bucket: string) =>
  new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });

/** 404 NoSuchKey. */
export const noSuchKey = (key: string) =>
  new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });

/** 404 NoSuchUpload. */
export const noSuchUpload = (uploadId: string) =>
  new AwsError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
    { UploadId: uploadId },
  );

/** 404 NoSuchAccessPoint: a Host naming an access point this account does not have. */
export const noSuchAccessPoint = () =>
  new AwsError('NoSuchAccessPoint', 'The specified access point does not exist.', 404);

/** 403 AccessDenied, as S3 words it for a denied IAM evaluation. */
export const accessDenied = () => new AwsError('AccessDenied', 'Access Denied', 403);

/** 400 MalformedXML. */
export const malformedXml = () =>
  new AwsError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

/** 400 InvalidArgument, naming the argument and its value. */
export const invalidArgument = (message: string, name: string, value: string) =>
  new AwsError('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });

/** 400 InvalidRequest. */
export const invalidRequest = (message: string) => new AwsError('InvalidRequest', message, 400);

/** 400 InvalidDigest: a Content-MD5 header that is not a base64 MD5. */
export const invalidDigest = (contentMd5: string) =>
  new AwsError('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400, {
    'Content-MD5': contentMd5,
  });

/** 400 BadDigest for Content-MD5. */
export const badContentMd5 = (expected: string, calculated: string) =>
  new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
    ExpectedDigest: expected,
    CalculatedDigest: calculated,
  });

/** 400 BadDigest for a flexible checksum (CRC32, SHA256, ...). */
export const badChecksum = (algorithm: string) =>
  new AwsError(
    'BadDigest',
    `The ${algorithm} you specified did not match the calculated checksum.`,
    400,
  );

/** 400 InvalidRequest for a checksum header or trailer whose value cannot be that checksum. */
export const invalidChecksumValue = (headerName: string) =>
  invalidRequest(`Value for ${headerName} header is invalid.`);

/** 416 InvalidRange. */
export const invalidRange = (range: string, size: number) =>
  new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, {
    RangeRequested: range,
    ActualObjectSize: String(size),
  });

/** 412 PreconditionFailed, naming the condition that did not hold. */
export const preconditionFailed = (condition: string) =>
  new AwsError(
    'PreconditionFailed',
    'At least one of the pre-conditions you specified did not hold',
    412,
    { Condition: condition },
  );

/**
 * 409 ConditionalRequestConflict: the key was written or deleted while a conditional write was in
 * flight. S3 tells the client to retry (PutObject) or to start the multipart upload over.
 */
export const conditionalRequestConflict = (key: string, condition: string) =>
  new AwsError(
    'ConditionalRequestConflict',
    'The conditional request cannot succeed due to a conflicting operation against this resource.',
    409,
    { Condition: condition, Key: key },
  );

/** 501 NotImplemented for a conditional-write header in a form S3 does not accept on writes. */
export const unsupportedWriteCondition = (headerName: string, additionalMessage: string) =>
  new AwsError(
    'NotImplemented',
    'A header you provided implies functionality that is not implemented',
    501,
    { Header: headerName, additionalMessage },
  );

/** 304 Not Modified travels as an error so that no body is written; S3 sends no XML for it. */
export const notModified = () => new AwsError('NotModified', 'Not Modified', 304);

/** 400 KeyTooLongError. */
export const keyTooLong = (size: number) =>
  new AwsError('KeyTooLongError', 'Your key is too long', 400, {
    Size: String(size),
    MaxSizeAllowed: '1024',
  });

/** 400 EntityTooSmall for a non-final multipart part under 5 MiB. */
export const entityTooSmall = (size: number, partNumber: number, etag: string) =>
  new AwsError(
    'EntityTooSmall',
    'Your proposed upload is smaller than the minimum allowed size',
    400,
    {
      ProposedSize: String(size),
      MinSizeAllowed: String(5 * 1024 * 1024),
      PartNumber: String(partNumber),
      ETag: etag,
    },
  );

/** 400 EntityTooLarge for a single request body over 5 GiB. */
export const entityTooLarge = (size: number) =>
  new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
    ProposedSize: String(size),
    MaxSizeAllowed: String(5 * 1024 ** 3),
  });

/** 400 InvalidPart: a listed part that was never uploaded, or whose ETag differs. */
export const invalidPart = (uploadId: string, partNumber: number, etag: string) =>
  new AwsError(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { UploadId: uploadId, PartNumber: String(partNumber), ETag: etag },
  );

/** 400 InvalidPartOrder. */
export const invalidPartOrder = (uploadId: string) =>
  new AwsError(
    'InvalidPartOrder',
    'The list of parts was not in ascending order. Parts must be ordered by part number.',
    400,
    { UploadId: uploadId },
  );

/** 400 IncompleteBody: fewer bytes arrived than Content-Length announced. */
export const incompleteBody = () =>
  new AwsError(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
    400,
  );

/** 411 MissingContentLength. */
export const missingContentLength = () =>
  new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);

/** 405 MethodNotAllowed. */
export const methodNotAllowed = (method: string, resourceType: string) =>
  new AwsError(
    'MethodNotAllowed',
    'The specified method is not allowed against this resource.',
    405,
    {
      Method: method,
      ResourceType: resourceType,
    },
  );

/** 501 NotImplemented, for S3 features the stand-in does not serve. */
export const notImplemented = (what: string) =>
  new AwsError(
    'NotImplemented',
    'A header you provided implies functionality that is not implemented',
    501,
    { Header: what },
  );

/** 400 InvalidURI: a path whose percent-encoding does not decode. */
export const invalidUri = (uri: string) =>
  new AwsError('InvalidURI', "Couldn't parse the specified URI.", 400, { URI: uri });

/** 500 InternalError, S3's generic retryable failure. */
export const internalError = () =>
  new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500);

/** 503 SlowDown, S3's throttling answer. */
export const slowDown = () => new AwsError('SlowDown', 'Please reduce your request rate.', 503);
