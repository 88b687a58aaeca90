import type { Readable } from 'node:stream';
import { checksumHeaderName, requestedChecksumAlgorithm } from '../checksums';
import { invalidRequest, noSuchUpload } from '../errors';
import { ConnectionDropped, rollUploadPartFault } from '../faults';
import { receiveVerifiedBody } from '../integrity/verified-body';
import { quoteEtag } from '../objects/object-headers';
import { wholeSeconds } from '../objects/put-object';
import type { BucketRequest } from '../request';
import { sendEmpty } from '../respond';
import { findUpload, readPartNumber } from './find-upload';

/** Reads and discards a body, so a failed request still leaves the connection reusable. */
async function drain(payload: Readable): Promise<void> {
  try {
    for await (const _chunk of payload) {
      // discarded
    }
  } catch {
    // A broken body changes nothing: the request fails either way.
  }
}

/** Cuts the client's connection mid-request, as a network fault would. */
function dropConnection(r: BucketRequest): never {
  r.log.fault = 'reset';
  r.req.socket.destroy();
  throw new ConnectionDropped('reset');
}

/**
 * UploadPart: streams the part to disk, verifying it, and records it against the upload. A part
 * re-sent under the same number replaces the earlier one. Injected faults fail or cut the request
 * before the part is recorded, so a failed attempt never counts.
 */
export async function uploadPart(r: BucketRequest): Promise<void> {
  const partNumber = readPartNumber(r);
  const upload = findUpload(r);
  const expected = upload.checksum?.algorithm;
  const sent = requestedChecksumAlgorithm(r.req.headers);
  if (expected && sent && sent !== expected) {
    throw invalidRequest(
      `Checksum Type mismatch occurred, expected checksum Type: ${expected.toLowerCase()}, actual checksum Type: ${sent.toLowerCase()}`,
    );
  }

  const fault = rollUploadPartFault(r.ctx);
  if (fault?.kind === 'fail') {
    r.log.fault = fault.error.code;
    await drain(r.auth.payload);
    throw fault.error;
  }
  const resetAt = fault?.kind === 'reset' ? fault.afterBytes : undefined;
  const { body, claimed } = await receiveVerifiedBody(r, {
    alsoCompute: expected ? [expected] : [],
    ...(resetAt !== undefined
      ? { onProgress: (received: number) => (received >= resetAt ? dropConnection(r) : undefined) }
      : {}),
  });
  if (resetAt !== undefined) {
    // The body was shorter than the reset point: cut it before it is recorded all the same.
    r.storage.blobs.discard(body.file);
    dropConnection(r);
  }

  const algorithm = expected ?? claimed?.algorithm;
  const digest = algorithm ? body.checksums[algorithm] : undefined;
  const checksum =
    algorithm && digest ? { algorithm, value: digest.toString('base64') } : undefined;
  const etag = body.md5.toString('hex');
  const { file } = body;
  const recorded = await r.storage.uploads.putPart(upload.uploadId, {
    partNumber,
    file,
    size: body.size,
    etag,
    lastModified: wholeSeconds(r.ctx.now()),
    ...(checksum ? { checksum } : {}),
  });
  if (!recorded) {
    // Completed or aborted while this part streamed in.
    r.storage.blobs.discard(file);
    throw noSuchUpload(upload.uploadId);
  }
  sendEmpty(r, 200, {
    etag: quoteEtag(etag),
    'x-amz-server-side-encryption': 'AES256',
    ...(checksum ? { [checksumHeaderName(checksum.algorithm)]: checksum.value } : {}),
  });
}
