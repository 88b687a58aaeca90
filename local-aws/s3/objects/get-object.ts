import type { OutgoingHttpHeaders } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { checksumHeaderName } from '../checksums';
import { missingObjectError } from '../access';
import { invalidArgument, invalidRequest } from '../errors';
import { commonHeaders } from '../respond';
import { header, type BucketRequest } from '../request';
import type { ObjectRecord } from '../storage/records';
import { AwsError } from '../../http/aws-error';
import { checkReadConditions } from './conditions';
import { objectHeaders } from './object-headers';
import { resolveRange, type ByteRange } from './range';
import { readObject } from './read-object';

/** response-* query parameters override the stored header of the same name, as in S3. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
  'response-content-language': 'content-language',
  'response-cache-control': 'cache-control',
  'response-expires': 'expires',
};

interface PlannedRead {
  record: ObjectRecord;
  status: 200 | 206;
  range: ByteRange;
  headers: OutgoingHttpHeaders;
}

function partRange(r: BucketRequest, record: ObjectRecord, raw: string): ByteRange {
  const partNumber = Number(raw);
  if (!/^\d+$/.test(raw) || partNumber < 1 || partNumber > 10_000) {
    throw invalidArgument(
      'Part number must be an integer between 1 and 10000, inclusive',
      'partNumber',
      raw,
    );
  }
  if (header(r.req, 'range') !== undefined) {
    throw invalidRequest('Cannot specify both Range header and partNumber query parameter');
  }
  const segments = record.multipart ? record.segments : [{ size: record.size }];
  const segment = segments[partNumber - 1];
  if (!segment) {
    throw new AwsError('InvalidPartNumber', 'The requested partnumber is not satisfiable', 416, {
      PartNumberRequested: raw,
      ActualPartCount: String(segments.length),
    });
  }
  const start = segments.slice(0, partNumber - 1).reduce((sum, s) => sum + s.size, 0);
  return { start, end: start + segment.size - 1 };
}

/** Works out what a GET or HEAD answers: status, byte range and headers, or the error to send. */
function planRead(r: BucketRequest): PlannedRead {
  const record = r.storage.objects.get(r.key);
  if (!record) throw missingObjectError(r);
  checkReadConditions(r.req, record);
  const whole: ByteRange = { start: 0, end: record.size - 1 };
  const partNumber = r.query.get('partNumber');
  const range =
    partNumber !== null
      ? partRange(r, record, partNumber)
      : resolveRange(header(r.req, 'range'), record.size);
  // S3 answers any satisfiable Range (even bytes=0-) with 206 and a Content-Range.
  const partial = range !== undefined;
  const checksumMode = header(r.req, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED';
  // A whole-object checksum describes the whole object only, so ranged reads go without it.
  const headers = objectHeaders(record, { checksumMode: checksumMode && !partial });
  const selected = range ?? whole;
  if (partial) headers['content-range'] = `bytes ${selected.start}-${selected.end}/${record.size}`;
  if (partNumber !== null && record.multipart) {
    headers['x-amz-mp-parts-count'] = String(record.segments.length);
    const segment = record.segments[Number(partNumber) - 1];
    if (checksumMode && segment?.checksum && record.checksum) {
      headers[checksumHeaderName(record.checksum.algorithm)] = segment.checksum;
    }
  }
  headers['content-length'] = String(record.size === 0 ? 0 : selected.end - selected.start + 1);
  for (const [param, name] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = r.query.get(param);
    if (value !== null) headers[name] = value;
  }
  return { record, status: partial ? 206 : 200, range: selected, headers };
}

/** HeadObject: the object's headers, no body. */
export async function headObject(r: BucketRequest): Promise<void> {
  const plan = planRead(r);
  r.res.writeHead(plan.status, { ...commonHeaders(r.requestId), ...plan.headers });
  r.res.end();
}

/** GetObject: streams the object (or the requested range or part) from disk. */
export async function getObject(r: BucketRequest): Promise<void> {
  const plan = planRead(r);
  r.res.writeHead(plan.status, { ...commonHeaders(r.requestId), ...plan.headers });
  if (plan.record.size === 0) {
    r.res.end();
    return;
  }
  try {
    await pipeline(readObject(r.storage.blobs, plan.record, plan.range), r.res);
  } catch {
    // The client went away mid-download; the status was already sent and logged.
  }
}
