import { describe, expect, it } from 'vitest';
import { documentFileName } from './read-document-file.ts';

describe('documentFileName', () => {
  it('names the file after the document type and the deal', () => {
    expect(documentFileName('contract', 'D-1042', 'pdf')).toBe('contract-D-1042.pdf');
  });

  it('keeps the Content-Disposition header plain: quotes, slashes and non-ASCII become _', () => {
    expect(documentFileName('invoice', 'São "Paulo"/7', 'docx')).toBe('invoice-S_o__Paulo__7.docx');
  });
});
