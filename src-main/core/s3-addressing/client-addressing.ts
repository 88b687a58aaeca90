import { isIP } from 'node:net';

/** How an S3Client reaches a bucket, as S3Client options. */
export interface S3ClientAddressing {
  endpoint?: string;
  forcePathStyle?: boolean;
}

/**
 * How the SDK must be set up to reach a bucket or an access point.
 *
 * - On AWS (no custom endpoint) the SDK's own rules apply: virtual-hosted buckets, and for an
 *   access point ARN its host `<name>-<account>.s3-accesspoint.<region>.amazonaws.com`.
 * - A custom endpoint (local-aws, a VPC endpoint) serves buckets by path, as before.
 * - S3 serves access points only by host name, and with a custom endpoint the SDK puts
 *   `<name>-<account>.` before the endpoint's host (for a VPC endpoint, the form AWS documents);
 *   it refuses path-style for ARNs. A host can't be put before an IP address, so a loopback
 *   address becomes `localhost`, whose subdomains localhostLookup keeps on this computer.
 */
export function s3ClientAddressing(
  customEndpoint: string | undefined,
  target: 'bucket' | 'accessPoint',
): S3ClientAddressing {
  if (!customEndpoint) return {};
  if (target === 'bucket') return { endpoint: customEndpoint, forcePathStyle: true };
  const url = new URL(customEndpoint);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) url.hostname = 'localhost';
  return { endpoint: url.href.replace(/\/$/, '') };
}
