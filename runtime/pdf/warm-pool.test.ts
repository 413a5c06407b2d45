// The warm pool against a real LibreOffice: text survives, concurrent conversions stay apart,
// bad input is refused without harming the pool, and close() leaves no soffice behind.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx } from '../../test/support/minimal-docx.ts';
import { createPdfConverter, type PdfConverter } from './convert-to-pdf.ts';
import { pdfPageCount, pdfText, pgrep, sofficeProcesses } from './testing/pdf-probes.ts';

describe('warm PDF converter (2 instances)', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'inkflow-pdf-test-warm-'));
  let pdf: PdfConverter;

  beforeAll(async () => {
    pdf = createPdfConverter({ provider: 'warm', instances: 2, workDir, startTimeoutMs: 90_000 });
    await pdf.convert(minimalDocx(['warm-up']));
  });

  afterAll(async () => {
    await pdf.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('converts a DOCX into a PDF that carries its text', async () => {
    const docx = minimalDocx(['Service agreement between Acme & Globex', 'Amount: 62,500 EUR'], {
      table: [
        ['#', 'Item', 'Price'],
        ['1', 'Annual support', '62,500 EUR'],
      ],
    });
    const result = await pdf.convert(docx);

    expect(new TextDecoder().decode(result.slice(0, 5))).toBe('%PDF-');
    expect(pdfPageCount(result)).toBe(1);
    const text = pdfText(result);
    expect(text).toContain('Service agreement between Acme & Globex');
    expect(text).toContain('Amount: 62,500 EUR');
    expect(text).toMatch(/Annual support\s+62,500 EUR/);
  });

  it('keeps 12 concurrent conversions apart: each PDF has its own text, none lost or swapped', async () => {
    const markers = Array.from({ length: 12 }, (_, index) => `document-${index}-${randomUUID()}`);
    const before = pdf.stats().converted;

    const results = await Promise.all(markers.map((marker) => pdf.convert(minimalDocx([marker]))));

    results.forEach((result, index) => {
      const text = pdfText(result);
      expect(text).toContain(markers[index]);
      for (const other of markers) if (other !== markers[index]) expect(text).not.toContain(other);
    });
    expect(pdf.stats().converted - before).toBe(12);
  });

  it('refuses input that is not a DOCX as final, and the pool keeps working', async () => {
    const zipWithoutDocument = new PizZip();
    zipWithoutDocument.file('notes.txt', 'a zip, but not a DOCX');
    const restartsBefore = pdf.stats().restarts;
    const processesBefore = sofficeProcesses(workDir);

    await expect(pdf.convert(new TextEncoder().encode('plain text'))).rejects.toMatchObject({
      name: 'PdfConversionError',
      code: 'PDF_BAD_INPUT',
      retryable: false,
    });
    // This one reaches LibreOffice, which cannot load it.
    await expect(pdf.convert(zipWithoutDocument.generate({ type: 'uint8array' }))).rejects.toMatchObject({
      code: 'PDF_BAD_INPUT',
      retryable: false,
    });

    expect(pdfText(await pdf.convert(minimalDocx(['still converting'])))).toContain('still converting');
    expect(pdf.stats().restarts).toBe(restartsBefore);
    expect(sofficeProcesses(workDir)).toEqual(processesBefore);
  });

  it('reports health and stats', async () => {
    expect(await pdf.health()).toEqual({ ok: true, detail: expect.stringContaining('2 of 2') });
    const stats = pdf.stats();
    expect(stats).toMatchObject({ provider: 'warm', instances: 2, restarts: 0 });
    expect(stats.converted).toBeGreaterThanOrEqual(15);
    expect(stats.failed).toBeGreaterThanOrEqual(2);
  });

  it('close() kills every soffice it started, and the converter refuses work afterwards', async () => {
    expect(sofficeProcesses(workDir)).toHaveLength(2);

    await pdf.close();
    await pdf.close(); // idempotent

    expect(pgrep(workDir)).toEqual([]);
    expect(await pdf.health()).toMatchObject({ ok: false });
    await expect(pdf.convert(minimalDocx(['too late']))).rejects.toMatchObject({ code: 'PDF_CLOSED', retryable: true });
  });
});
