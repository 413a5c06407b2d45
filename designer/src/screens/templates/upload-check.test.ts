import { describe, expect, it } from 'vitest';
import { byDocumentType, maxTemplateBytes, uploadProblems } from './upload-check.ts';

describe('uploadProblems', () => {
  it('accepts a .docx with a document type the schema allows', () => {
    expect(uploadProblems({ documentType: 'nda', file: { name: 'NDA.DOCX', size: 2000 } })).toEqual([]);
  });

  it('names every problem before anything is sent', () => {
    expect(uploadProblems({ documentType: '', file: null })).toEqual(['documentTypeMissing', 'fileMissing']);
    expect(
      uploadProblems({ documentType: 'Big Contract', file: { name: 'a.pdf', size: maxTemplateBytes + 1 } }),
    ).toEqual(['documentTypeInvalid', 'notDocx', 'tooLarge']);
  });
});

describe('byDocumentType', () => {
  it('groups by type, types sorted, newest first', () => {
    const groups = byDocumentType([
      { id: 'a', documentType: 'nda', createdAt: '2026-01-01' },
      { id: 'b', documentType: 'contract', createdAt: '2026-01-01' },
      { id: 'c', documentType: 'contract', createdAt: '2026-02-01' },
    ]);
    expect(groups.map(([type, list]) => [type, list.map((item) => item.id)])).toEqual([
      ['contract', ['c', 'b']],
      ['nda', ['a']],
    ]);
  });
});
