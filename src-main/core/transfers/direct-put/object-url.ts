/**
 * Where a PutObject for a bucket goes, worked out without the SDK's endpoint rule set, for the
 * cases Hakobu can name exactly; anything else (access-point ARNs, buckets whose names are not
 * DNS labels) returns undefined and goes through the SDK.
 */
export interface ObjectUrlBase {
  /** e.g. `https://bucket.s3.ap-northeast-1.amazonaws.com` or `http://127.0.0.1:4566`. */
  origin: string;
  /** `/bucket` for path-style addressing, `` for virtual-hosted. */
  pathPrefix: string;
}

// Virtual-hosted addressing needs the bucket to be one DNS label a TLS wildcard covers: no dots.
const DNS_LABEL_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * The base URL of `bucket`'s objects: path-style below a custom S3 endpoint (local-aws, a VPC
 * endpoint), as the SDK sends with forcePathStyle; virtual-hosted on AWS's regional endpoint.
 */
export function objectUrlBase(
  region: string,
  bucket: string,
  customEndpoint?: string,
): ObjectUrlBase | undefined {
  if (bucket.startsWith('arn:')) return undefined;
  if (customEndpoint) {
    const url = new URL(customEndpoint);
    // An endpoint with a path of its own is left to the SDK, which knows how to join it.
    if (url.pathname !== '/' || url.search) return undefined;
    return { origin: url.origin, pathPrefix: `/${encodeSegment(bucket)}` };
  }
  if (!DNS_LABEL_BUCKET.test(bucket) || !REGION.test(region)) return undefined;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return { origin: `https://${bucket}.s3.${region}.${suffix}`, pathPrefix: '' };
}

/**
 * One path segment as the SDK encodes a greedy label: encodeURIComponent plus the characters
 * RFC 3986 reserves that it leaves alone, so the signed path is byte for byte what S3 sees.
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The request path of `key` below `base` (each `/`-separated segment encoded on its own). */
export function objectPath(base: ObjectUrlBase, key: string): string {
  return `${base.pathPrefix}/${key.split('/').map(encodeSegment).join('/')}`;
}
