// Shared by the direct PutObject's error reading (core) and local-aws's XML bodies: one decoder
// for the text between XML tags.

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes XML 1.0's five predefined entities and its character references (&#34; &#x22;) in
 * one pass, so "&amp;#34;" stays the literal text "&#34;". Go's encoding/xml (rclone,
 * aws-sdk-go) writes a quote as &#34;, which fast-xml-parser leaves undecoded unless it is
 * told to decode HTML's entities too, and those are not XML's.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g,
    (ref, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return PREDEFINED[name] ?? ref;
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    },
  );
}
