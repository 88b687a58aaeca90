import { expect, test } from 'vitest';
import { z } from 'zod';
import { decodeXmlText, parseXmlBody } from '../../../local-aws/s3/xml';

const Complete = z.object({
  CompleteMultipartUpload: z.object({
    Part: z.array(z.object({ ETag: z.string(), PartNumber: z.string() })),
  }),
});

test('an ETag quoted as &#34;, &#x22; or &quot; reads as the same quoted ETag', () => {
  const body = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload>' +
      '<Part><ETag>&#34;b652&#34;</ETag><PartNumber>1</PartNumber></Part>' +
      '<Part><ETag>&#x22;b652&#x22;</ETag><PartNumber>2</PartNumber></Part>' +
      '<Part><ETag>&quot;b652&quot;</ETag><PartNumber>3</PartNumber></Part>' +
      '</CompleteMultipartUpload>',
  );
  const parts = parseXmlBody(body, Complete).CompleteMultipartUpload.Part;
  expect(parts.map((p) => p.ETag)).toEqual(['"b652"', '"b652"', '"b652"']);
});

test('character references decode once: &amp;#34; is the text &#34;, and keys keep \' and "', () => {
  expect(decodeXmlText('a&amp;#34;b')).toBe('a&#34;b');
  expect(decodeXmlText('it&#39;s &#x3C;&lt;&gt;&apos;&#128512;')).toBe("it's <<>'😀");
  expect(decodeXmlText('no references')).toBe('no references');
});
