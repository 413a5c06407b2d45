import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoTemplatesDirectory } from '../../demo/build-demo-templates.ts';
import { AppError } from '../../errors/app-error.ts';
import { inflateEntries, readZipDirectory } from './zip-archive.ts';

const invoice = readFileSync(`${demoTemplatesDirectory}/invoice.docx`);

describe('zip archive', () => {
  it('reads the directory and inflates every entry, counting the bytes', async () => {
    const directory = await readZipDirectory(invoice);
    const declared = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    expect(directory.entries.map((entry) => entry.fileName)).toContain('word/document.xml');
    const limits = { total: declared, totalText: 'the limit', xml: declared, xmlPart: declared };
    const parts = await inflateEntries(directory, limits);
    expect(parts.get('word/document.xml')).toContain('<w:document');
    expect([...parts.keys()].every((name) => name.endsWith('.xml') || name.endsWith('.rels'))).toBe(true);
    directory.zipfile.close();
  });

  it('stops inflating as soon as the bytes counted pass the limit', async () => {
    const directory = await readZipDirectory(invoice);
    const limits = { total: 100, totalText: '100 bytes', xml: 1e9, xmlPart: 1e9 };
    const error = await inflateEntries(directory, limits).catch((thrown: unknown) => thrown);
    directory.zipfile.close();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TEMPLATE_ZIP_BOMB');
    expect((error as AppError).message).toContain('inflate to more than 100 bytes');
  });

  it('stops at the XML limits, naming the part that passes the per-part one', async () => {
    const directory = await readZipDirectory(invoice);
    const limits = { total: 1e9, totalText: 'the limit', xml: 1e9, xmlPart: 1000 };
    const error = (await inflateEntries(directory, limits).catch((thrown: unknown) => thrown)) as AppError;
    directory.zipfile.close();
    expect(error.code).toBe('TEMPLATE_XML_TOO_LARGE');
    expect(error.message).toMatch(/the part \S+\.xml inflates to more than 1000 bytes of XML/);
  });
});
