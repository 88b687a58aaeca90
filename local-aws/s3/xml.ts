import { XMLParser } from 'fast-xml-parser';
import type { z } from 'zod';
import { decodeXmlText } from '../../src-main/core/xml/xml-text';
import { malformedXml } from './errors';

export { decodeXmlText };

/** The namespace every S3 response document carries. */
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A child element: its name and its content; undefined content omits the element entirely. */
export type XmlChild = readonly [name: string, content: XmlContent];
export type XmlContent = string | number | boolean | undefined | readonly XmlChild[];

// XML 1.0 cannot carry most control characters even escaped, but S3 emits them as character
// references anyway (clients that care ask for encoding-type=url); \r is escaped so that parsers
// do not normalize it into \n.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for use inside an XML element, the way S3 does. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']|[^\P{Cc}\t\n\u0080-\u009f]/gu, (ch) => {
    return ESCAPES[ch] ?? `&#${ch.codePointAt(0) ?? 0};`;
  });
}

function render(children: readonly XmlChild[]): string {
  let out = '';
  for (const [name, content] of children) {
    if (content === undefined) continue;
    if (typeof content === 'object') out += `<${name}>${render(content)}</${name}>`;
    else out += `<${name}>${escapeXml(String(content))}</${name}>`;
  }
  return out;
}

/** Renders a whole S3 response document with its XML declaration and namespace. */
export function xmlDocument(root: string, children: readonly XmlChild[], namespace = true): string {
  const ns = namespace ? ` xmlns="${S3_NAMESPACE}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${render(children)}</${root}>`;
}

/** Renders a document whose root holds only text (GetBucketLocation's LocationConstraint). */
export function xmlTextDocument(root: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${escapeXml(text)}</${root}>`;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Keys and ETags must stay strings: "007" is a key, not the number 7.
  parseTagValue: false,
  trimValues: false,
  // Entities are decoded by decodeXmlText instead, which knows character references.
  processEntities: false,
  htmlEntities: false,
  tagValueProcessor: (_name, value: string) => decodeXmlText(value),
  isArray: (name) => name === 'Part' || name === 'Object',
});

/**
 * Parses a request document and validates it against a schema; anything that is not well-formed
 * or does not fit the schema is S3's MalformedXML.
 */
export function parseXmlBody<S extends z.ZodType>(body: Buffer, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = parser.parse(body.toString('utf8'), true);
  } catch {
    throw malformedXml();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw malformedXml();
  return parsed.data;
}
