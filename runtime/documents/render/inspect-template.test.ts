import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';
import PizZip from 'pizzip';
import { beforeAll, describe, expect, it } from 'vitest';
import { taggedDocx } from '../../../test/support/tagged-docx.ts';
import { withPart } from '../../../test/support/template-bombs.ts';
import { demoTemplatesDirectory } from '../../demo/build-demo-templates.ts';
import { AppError } from '../../errors/app-error.ts';
import { type HandmadeEntry, handmadeZip, storedEntry } from './handmade-zip.ts';
import { inspectTemplate } from './inspect-template.ts';

const demoTemplate = (file: string): Uint8Array => readFileSync(`${demoTemplatesDirectory}/${file}`);

async function refusal(bytes: Uint8Array, limits?: Parameters<typeof inspectTemplate>[1]): Promise<AppError> {
  const error = await inspectTemplate(bytes, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).kind).toBe('validation');
  return error as AppError;
}

// Deflated chunk by chunk, so 200 MB of zeros never sit in memory at once (~0.5 s).
async function zerosEntry(name: string, size: number, declaredSize = size): Promise<HandmadeEntry> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    deflate.write(chunk);
    crc = crc32(chunk, crc);
  }
  deflate.end();
  await done;
  return { name, stored: Buffer.concat(parts), deflated: true, crc, declaredSize };
}

const wordParts = (): HandmadeEntry[] => [
  storedEntry(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  storedEntry(
    'word/document.xml',
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  ),
];

describe('inspectTemplate', () => {
  it('lists the placeholders of the demo invoice, loops as paths with []', async () => {
    const { placeholders } = await inspectTemplate(demoTemplate('invoice.docx'));
    expect(placeholders).toEqual([
      'amount.formatted',
      'deal.company.address',
      'deal.company.name',
      'deal.company.taxId',
      'deal.contacts',
      'deal.contacts[].email',
      'deal.contacts[].name',
      'deal.currency',
      'deal.id',
      'deal.title',
      'ourCompany.address',
      'ourCompany.name',
      'ourCompany.taxId',
      'today',
    ]);
  });

  it('lists the placeholders of the demo contracts, signers loop included', async () => {
    for (const file of ['contract-standard.docx', 'contract-large.docx']) {
      const { placeholders } = await inspectTemplate(demoTemplate(file));
      expect(placeholders).toEqual([...new Set(placeholders)].sort());
      for (const tag of [
        'companySigner.name',
        'deal.fields.contractTermMonths',
        'signers',
        'signers[].name',
        'signers[].order',
      ]) {
        expect(placeholders).toContain(tag);
      }
    }
  });

  it('names a root tag used inside a loop by its root path', async () => {
    const template = taggedDocx(['{#signers}', '{ name } for {ourCompany.name}', '{/signers}']);
    expect((await inspectTemplate(template)).placeholders).toEqual(['ourCompany.name', 'signers', 'signers[].name']);
  });

  it('refuses random bytes as not a DOCX', async () => {
    expect((await refusal(randomBytes(4096))).code).toBe('TEMPLATE_NOT_DOCX');
  });

  it('refuses a zip without the parts of a Word document as not a DOCX', async () => {
    const zip = new PizZip();
    zip.file('readme.txt', 'hello');
    const error = await refusal(zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(error.code).toBe('TEMPLATE_NOT_DOCX');
    expect(error.message).toContain('word/document.xml');
  });

  it('refuses a truncated zip as broken', async () => {
    const docx = demoTemplate('invoice.docx');
    expect((await refusal(docx.subarray(0, docx.length - 40))).code).toBe('TEMPLATE_BROKEN_ZIP');
  });

  it('refuses an entry whose deflated data is corrupt as broken', async () => {
    const bomb = await zerosEntry('word/media/data.bin', 64 * 1024);
    const corrupt = { ...bomb, stored: Buffer.from(bomb.stored).fill(0xff, 0, 8) };
    const error = await refusal(handmadeZip([...wordParts(), corrupt]));
    expect(error.code).toBe('TEMPLATE_BROKEN_ZIP');
    expect(error.message).toContain('"word/media/data.bin" cannot be inflated');
  });

  describe('zip bombs', () => {
    let honest: HandmadeEntry;
    beforeAll(async () => {
      honest = await zerosEntry('word/media/image1.bin', 200 * 1024 * 1024);
    });

    it('refuses a small zip that declares 200 MB once inflated, without inflating it', async () => {
      const error = await refusal(handmadeZip([...wordParts(), honest]));
      expect(error.code).toBe('TEMPLATE_ZIP_BOMB');
      expect(error.message).toContain('declare 200.0 MB');
    });

    it('refuses a zip whose header declares 1 KB for 200 MB, stopping at the lie', async () => {
      const liar = { ...honest, declaredSize: 1024 };
      const error = await refusal(handmadeZip([...wordParts(), liar]));
      expect(error.code).toBe('TEMPLATE_ZIP_BOMB');
      expect(error.message).toContain(
        '"word/media/image1.bin" inflates to more than the 1024 bytes its header declares',
      );
    });
  });

  it('applies the ratio and the byte limit it is given', async () => {
    const docx = demoTemplate('invoice.docx');
    expect((await refusal(docx, { maxRatio: 1 })).code).toBe('TEMPLATE_ZIP_BOMB');
    expect((await refusal(docx, { maxUncompressedBytes: 4096 })).code).toBe('TEMPLATE_ZIP_BOMB');
  });

  it('refuses an unclosed tag, with a detail naming it', async () => {
    const error = await refusal(taggedDocx(['Object: {deal.title']));
    expect(error.code).toBe('TEMPLATE_TAGS_INVALID');
    expect(error.details).toEqual([{ code: 'UNCLOSED_TAG', message: expect.stringContaining('{deal.title') }]);
  });

  it('refuses a loop that is never closed, and reports every broken tag', async () => {
    const error = await refusal(taggedDocx(['{#deal.contacts}', '{name}', '{deal.amount * 2}']));
    expect(error.code).toBe('TEMPLATE_TAGS_INVALID');
    expect(error.details?.map((detail) => detail.code).sort()).toEqual([
      'SCOPEPARSER_COMPILATION_FAILED',
      'UNCLOSED_LOOP',
    ]);
    expect(error.details?.find((detail) => detail.code === 'UNCLOSED_LOOP')?.message).toContain('deal.contacts');
  });

  it('names an unclosed tag alone, not with the next paragraphs of text', async () => {
    const error = await refusal(taggedDocx(['Object: {deal.title', 'The next paragraph says many other things.']));
    expect(error.code).toBe('TEMPLATE_TAGS_INVALID');
    expect(error.details).toEqual([
      {
        code: 'UNCLOSED_TAG',
        message: 'The tag "{deal.title" in word/document.xml has no closing "}" before its paragraph ends',
      },
    ]);
  });

  it('lists the tags of an object section by the object path, and a condition by its own path only', async () => {
    const template = taggedDocx([
      '{#deal.company}{name}, {taxId}{/deal.company}',
      '{#deal.fields.vip}VIP terms for {deal.title}{/deal.fields.vip}{^deal.fields.vip}Standard terms{/deal.fields.vip}',
      '{#deal.contacts}{name}{/deal.contacts}',
    ]);
    expect((await inspectTemplate(template)).placeholders).toEqual([
      'deal.company',
      'deal.company.name',
      'deal.company.taxId',
      'deal.contacts',
      'deal.contacts[].name',
      'deal.fields.vip',
      'deal.title',
    ]);
  });
});

const wordNamespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentWith = (body: string) =>
  withPart(
    taggedDocx(['placeholder']),
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${wordNamespace}><w:body>${body}</w:body></w:document>`,
  );

describe('inspectTemplate: every XML part checked', () => {
  const styles = `<?xml version="1.0"?><w:styles ${wordNamespace}><w:style w:styleId="Normal"/></w:styles>`;

  it('accepts a well-formed styles part', async () => {
    const docx = withPart(taggedDocx(['{deal.title}']), 'word/styles.xml', styles);
    expect((await inspectTemplate(docx)).placeholders).toEqual(['deal.title']);
  });

  it.each([
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x "y">]>${styles.slice(21)}`, /DOCTYPE/],
    ['a tag that is never closed', styles.replace('</w:styles>', ''), /<w:styles> is never closed/],
    ['mismatched tags', styles.replace('</w:styles>', '</w:style>'), /<\/w:style> closes <w:styles>/],
    ['a stray "&"', styles.replace('Normal', 'A&B'), /"&" that starts no entity/],
    ['two root elements', `${styles}<w:extra/>`, /more than one root element/],
  ])('refuses styles.xml with %s, naming the part', async (_what, xml, problem) => {
    const error = await refusal(withPart(taggedDocx(['{deal.title}']), 'word/styles.xml', xml));
    expect(error.code).toBe('TEMPLATE_XML_INVALID');
    expect(error.message).toContain('word/styles.xml');
    expect(error.details?.[0]).toMatchObject({
      pointer: '/file/word/styles.xml',
      message: expect.stringMatching(problem),
    });
  });
});

describe('inspectTemplate: tracked changes and comments', () => {
  const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;

  it.each([
    ['an insertion', `<w:p><w:ins w:id="1" w:author="A">${run('{deal.title}')}</w:ins></w:p>`, 1],
    [
      'a deletion inside a tag',
      `<w:p>${run('{deal.')}<w:del w:id="2" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del>${run('title}')}</w:p>`,
      1,
    ],
    [
      'a move',
      `<w:p><w:moveFrom w:id="3">${run('a')}</w:moveFrom></w:p><w:p><w:moveTo w:id="4">${run('a')}</w:moveTo></w:p>`,
      2,
    ],
  ])('refuses %s with the steps to accept changes in Word and LibreOffice', async (_what, body, count) => {
    const error = await refusal(documentWith(body));
    expect(error.code).toBe('TEMPLATE_HAS_REVISIONS');
    expect(error.message).toContain(`${count} tracked change`);
    expect(error.message).toContain('Review > Accept > Accept All Changes');
    expect(error.message).toContain('Edit > Track Changes > Accept All');
    expect(error.details).toEqual([
      { pointer: '/file/word/document.xml', message: `${count} tracked change${count === 1 ? '' : 's'}` },
    ]);
  });

  it('refuses comments, saying how to delete them', async () => {
    const body = `<w:p><w:commentRangeStart w:id="0"/>${run('{deal.title}')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
    const error = await refusal(documentWith(body));
    expect(error.code).toBe('TEMPLATE_HAS_REVISIONS');
    expect(error.message).toContain('comments');
    expect(error.message).toContain('Delete All Comments');
  });

  it('does not mistake deleted-text markup names or the tracking setting for revisions', async () => {
    const settings = `<?xml version="1.0"?><w:settings ${wordNamespace}><w:trackRevisions/></w:settings>`;
    const docx = withPart(documentWith(`<w:p>${run('{deal.title}')}</w:p>`), 'word/settings.xml', settings);
    expect((await inspectTemplate(docx)).placeholders).toEqual(['deal.title']);
  });
});
