import { describe, expect, it } from 'vitest';
import { checkXmlPart } from './check-xml-part.ts';

describe('checkXmlPart', () => {
  it.each([
    [
      'a declaration, a processing instruction and a root',
      '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Word.Document"?><a/>',
    ],
    [
      'entities, CDATA and comments',
      '<a x="1 &amp; 2" y=\'&#233;\'><!-- note --><![CDATA[<not a tag>]]>&lt;&#x41;&gt;</a>',
    ],
    [
      'a byte-order mark and namespaced names',
      '\ufeff<w:document xmlns:w="urn:w"><w:body><w:p w:rsidR="00A1"/></w:body></w:document>',
    ],
    ['">" inside attribute values and text', '<a b="x > y">1 > 0</a>'],
  ])('accepts %s', (_what, xml) => {
    expect(checkXmlPart(xml)).toBeUndefined();
  });

  it.each([
    [
      'a DOCTYPE',
      '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
      'a DOCTYPE or other declaration, which Word never writes (line 2)',
    ],
    ['an unknown entity', '<a>&e;</a>', 'an "&" that starts no entity (write &amp;) (line 1)'],
    ['an unquoted attribute', '<a b=1/>', 'a broken <a> tag (line 1)'],
    ['a duplicate attribute', '<a b="1" b="2"/>', 'attribute b given twice (line 1)'],
    ['a "<" in text', '<a>1 < 2</a>', 'a "<" that starts no tag (write &lt;) (line 1)'],
    ['an unterminated comment', '<a><!-- x</a>', 'a comment that is never closed (line 1)'],
    ['text after the root', '<a/>tail', 'text outside the root element (line 1)'],
    ['nothing', '<?xml version="1.0"?>', 'no root element (line 1)'],
    ['a truncated part', '<a><b>\n<c/>', '<b> is never closed (line 2)'],
  ])('refuses %s', (_what, xml, problem) => {
    expect(checkXmlPart(xml)).toBe(problem);
  });
});
