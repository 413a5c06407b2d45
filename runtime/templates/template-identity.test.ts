import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import type { TemplateUpload } from './read-template-upload.ts';
import { deriveTemplateId, templateIdentity } from './template-identity.ts';

const file = (fileName: string) => ({ fileName, bytes: new Uint8Array([1, 2, 3]) });
const upload = (fields: Record<string, string>, fileName = 'Contract (large).docx'): TemplateUpload => ({
  fields,
  file: file(fileName),
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('templateIdentity', () => {
  it('derives name and id from the file name when they are not sent', () => {
    expect(templateIdentity(upload({ documentType: 'contract' }))).toEqual({
      id: 'contract-large',
      documentType: 'contract',
      name: 'Contract (large)',
      fileName: 'Contract (large).docx',
    });
  });

  it('derives the id from the name, and keeps an id that is sent', () => {
    expect(templateIdentity(upload({ documentType: 'nda', name: 'NDA — Mutual 2027' })).id).toBe('nda-mutual-2027');
    expect(templateIdentity(upload({ documentType: 'nda', id: 'NDA.v2' })).id).toBe('NDA.v2');
  });

  it('refuses a missing or malformed document type, a bad id, and a missing file', () => {
    expect(codeOf(() => templateIdentity(upload({})))).toBe('TEMPLATE_DOCUMENT_TYPE');
    expect(codeOf(() => templateIdentity(upload({ documentType: 'Contract' })))).toBe('TEMPLATE_DOCUMENT_TYPE');
    expect(codeOf(() => templateIdentity(upload({ documentType: 'nda', id: 'a b' })))).toBe('TEMPLATE_ID_INVALID');
    expect(codeOf(() => templateIdentity(upload({ documentType: 'nda', name: '***' }, '')))).toBe(
      'TEMPLATE_ID_INVALID',
    );
    expect(codeOf(() => templateIdentity({ fields: { documentType: 'nda' }, file: undefined }))).toBe(
      'TEMPLATE_FILE_MISSING',
    );
  });
});

describe('deriveTemplateId', () => {
  it('keeps to the identifier pattern', () => {
    expect(deriveTemplateId('  --Ünïcode name!! ')).toBe('unicode-name');
    expect(deriveTemplateId('x'.repeat(300))).toHaveLength(128);
  });
});
