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
    expect(await inflateEntries(directory, declared, 'the limit')).toBe(declared);
    directory.zipfile.close();
  });

  it('stops inflating as soon as the bytes counted pass the limit', async () => {
    const directory = await readZipDirectory(invoice);
    const error = await inflateEntries(directory, 100, '100 bytes').catch((thrown: unknown) => thrown);
    directory.zipfile.close();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TEMPLATE_ZIP_BOMB');
    expect((error as AppError).message).toContain('inflate to more than 100 bytes');
  });
});
