import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { buildDemoTemplates, demoTemplateFiles, demoTemplatesDirectory } from './build-demo-templates.ts';

describe('buildDemoTemplates', () => {
  const built = buildDemoTemplates();

  it('gives the same bytes on every build', () => {
    const again = buildDemoTemplates();
    for (const file of demoTemplateFiles) expect(Buffer.from(again[file]).equals(Buffer.from(built[file]))).toBe(true);
  });

  it('matches the committed templates (run `npx tsx runtime/demo/build-demo-templates.ts` after a change)', () => {
    for (const file of demoTemplateFiles) {
      const committed = readFileSync(`${demoTemplatesDirectory}/${file}`);
      expect(committed.equals(Buffer.from(built[file])), file).toBe(true);
    }
  });

  it('packages each template as a Word document with its styles and footer', () => {
    for (const file of demoTemplateFiles) {
      const zip = new PizZip(built[file]);
      const contentTypes = zip.file('[Content_Types].xml')?.asText() ?? '';
      expect(contentTypes).toContain('wordprocessingml.document.main+xml');
      expect(zip.file('word/_rels/document.xml.rels')?.asText()).toContain('footer1.xml');
      expect(zip.file('word/styles.xml')?.asText()).toContain('w:styleId="Heading1"');
    }
  });

  it('adds account management and a payment schedule to the large-deal contract only', () => {
    const body = (file: (typeof demoTemplateFiles)[number]) =>
      new PizZip(built[file]).file('word/document.xml')?.asText() ?? '';
    expect(body('contract-large.docx')).toContain('Dedicated account management');
    expect(body('contract-large.docx')).toContain('On signature of this Agreement');
    expect(body('contract-standard.docx')).not.toContain('Dedicated account management');
    expect(body('contract-standard.docx')).not.toContain('<w:tblHeader/>');
  });
});
