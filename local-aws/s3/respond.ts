import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AwsError } from '../http/aws-error';
import { randomString } from '../state/ids';
import type { S3Request } from './request';
import { xmlDocument, type XmlChild } from './xml';

/** A request ID shaped like S3's (16 upper-case alphanumerics). */
export const newRequestId = () => randomString(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');

/** Headers S3 puts on every response. */
export function commonHeaders(requestId: string): OutgoingHttpHeaders {
  return {
    'x-amz-request-id': requestId,
    'x-amz-id-2': Buffer.from(`${requestId}/local-aws`).toString('base64'),
    server: 'AmazonS3',
  };
}

/** Sends a response with no body (HEAD answers, 204s, PUT results carried in headers). */
export function sendEmpty(r: S3Request, status: number, headers: OutgoingHttpHeaders = {}): void {
  r.res.writeHead(status, { ...commonHeaders(r.requestId), 'content-length': 0, ...headers });
  r.res.end();
}

/** Sends an XML document. */
export function sendXml(
  r: S3Request,
  root: string,
  children: readonly XmlChild[],
  headers: OutgoingHttpHeaders = {},
): void {
  sendXmlText(r.res, r.requestId, 200, xmlDocument(root, children), headers);
}

/** Sends already rendered XML with a status. */
export function sendXmlText(
  res: ServerResponse,
  requestId: string,
  status: number,
  xml: string,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    ...commonHeaders(requestId),
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(xml),
    ...headers,
  });
  res.end(xml);
}

/**
 * Sends an S3 error: the <Error> document with the code, message, the error's details, and the
 * request ID; HEAD requests (and 304) get the status and headers only, as S3 answers them.
 */
export function sendS3Error(
  res: ServerResponse,
  method: string | undefined,
  requestId: string,
  error: AwsError,
): void {
  if (res.headersSent) {
    // The body already started: the only honest signal left is to cut the connection.
    res.destroy();
    return;
  }
  if (method === 'HEAD' || error.status === 304) {
    res.writeHead(error.status, commonHeaders(requestId));
    res.end();
    return;
  }
  const children: XmlChild[] = [
    ['Code', error.code],
    ['Message', error.message],
    ...Object.entries(error.details),
    ['RequestId', requestId],
    ['HostId', Buffer.from(`${requestId}/local-aws`).toString('base64')],
  ];
  sendXmlText(res, requestId, error.status, xmlDocument('Error', children, false));
}
