// The cold provider: one soffice per document through libreoffice-convert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalDocx } from '../../test/support/minimal-docx.ts';
import { createPdfConverter } from './convert-to-pdf.ts';
import { pdfPageCount, pdfText, pgrep } from './testing/pdf-probes.ts';

describe('cold PDF converter', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'inkflow-pdf-test-cold-'));
  const pdf = createPdfConverter({ provider: 'cold', workDir, timeoutMs: 90_000 });

  afterAll(async () => {
    await pdf.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('converts one document with a soffice of its own, which is gone afterwards', async () => {
    const result = await pdf.convert(minimalDocx(['Converted cold', 'by one soffice']));

    expect(pdfPageCount(result)).toBe(1);
    expect(pdfText(result)).toMatch(/Converted cold\s+by one soffice/);
    expect(pdf.stats()).toEqual({ provider: 'cold', instances: 0, converted: 1, failed: 0, restarts: 0 });
    expect(pgrep(workDir)).toEqual([]);
  });

  it('refuses what is not a DOCX as final, before and inside LibreOffice', async () => {
    const zipWithoutDocument = new PizZip();
    zipWithoutDocument.file('notes.txt', 'a zip, but not a DOCX');

    await expect(pdf.convert(new TextEncoder().encode('plain text'))).rejects.toMatchObject({
      code: 'PDF_BAD_INPUT',
      retryable: false,
    });
    await expect(pdf.convert(zipWithoutDocument.generate({ type: 'uint8array' }))).rejects.toMatchObject({
      code: 'PDF_BAD_INPUT',
      retryable: false,
    });
  });

  it('reports health until closed', async () => {
    expect(await pdf.health()).toMatchObject({ ok: true });
    await pdf.close();
    expect(await pdf.health()).toMatchObject({ ok: false });
    await expect(pdf.convert(minimalDocx(['too late']))).rejects.toMatchObject({ code: 'PDF_CLOSED' });
  });
});
