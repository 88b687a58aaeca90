/**
 * Encodes a key the way S3 does for encoding-type=url: UTF-8 percent-encoding that leaves the
 * unreserved characters and "/" alone and writes a space as "+" (clients decode with unquote_plus).
 */
export function s3UrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (ch) => `%${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
}

/** Picks the identity or S3's URL encoding, per the request's encoding-type parameter. */
export function keyEncoder(encodingType: string | null): (value: string) => string {
  return encodingType === 'url' ? s3UrlEncode : (value) => value;
}
