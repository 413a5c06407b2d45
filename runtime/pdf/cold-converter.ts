// The 'cold' provider: libreoffice-convert starts one soffice with a fresh profile per document
// (~1.1 s and ~1.1 CPU-s each, measured). The baseline the benchmark compares against, and a
// fallback when the warm pool cannot be used. Each conversion gets a directory of its own under
// our root, so a timed-out soffice (libreoffice-convert only kills the launcher) can be found by
// its profile path and killed, and close() can kill whatever is still running.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import libreOffice from 'libreoffice-convert';
import type { PdfConverter, ResolvedPdfConfig } from './convert-to-pdf.ts';
import { assertDocxBytes, PdfConversionError } from './pdf-conversion-error.ts';
import { killProcesses, processesMentioning } from './process-table.ts';

type ExecFailure = Error & { killed?: boolean; signal?: string | null };

function runSoffice(docx: Uint8Array, directory: string, config: ResolvedPdfConfig, timeoutMs: number) {
  const options = {
    tmpOptions: { tmpdir: directory },
    sofficeBinaryPaths: [config.sofficePath],
    // Force the DOCX import filter: without it soffice converts any file, as plain text.
    sofficeAdditionalArgs: ['--infilter=MS Word 2007 XML'],
    execOptions: { timeout: timeoutMs, killSignal: 'SIGKILL' },
  };
  const document = Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength);
  return new Promise<Uint8Array>((resolve, reject) => {
    libreOffice.convertWithOptions(document, 'pdf', 'writer_pdf_Export', options, (error, pdf) =>
      error ? reject(error) : resolve(new Uint8Array(pdf)),
    );
  });
}

function classify(error: ExecFailure, timeoutMs: number): PdfConversionError {
  if (error.killed) return new PdfConversionError('PDF_TIMEOUT', `soffice did not finish within ${timeoutMs} ms`);
  if (/could not be loaded/i.test(error.message)) {
    return new PdfConversionError('PDF_BAD_INPUT', 'LibreOffice cannot load the document', { cause: error });
  }
  return new PdfConversionError('PDF_EXPORT_FAILED', `soffice failed: ${error.message}`, { cause: error });
}

export function createColdConverter(config: ResolvedPdfConfig): PdfConverter {
  mkdirSync(config.workDir, { recursive: true });
  const root = mkdtempSync(join(config.workDir, 'inkflow-pdf-cold-'));
  const counts = { converted: 0, failed: 0, restarts: 0 };
  let running = 0;
  let closed = false;

  async function convertOnce(docx: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (closed) throw new PdfConversionError('PDF_CLOSED', 'the PDF converter is closed');
    assertDocxBytes(docx);
    const directory = await mkdtemp(join(root, 'conversion-'));
    running++;
    try {
      return await runSoffice(docx, directory, config, timeoutMs);
    } catch (error) {
      throw closed
        ? new PdfConversionError('PDF_CLOSED', 'the PDF converter was closed')
        : classify(error as ExecFailure, timeoutMs);
    } finally {
      running--;
      killProcesses(processesMentioning(directory));
      await rm(directory, { recursive: true, force: true });
    }
  }

  return {
    async convert(docx, options = {}) {
      try {
        const pdf = await convertOnce(docx, options.timeoutMs ?? config.timeoutMs);
        counts.converted++;
        return pdf;
      } catch (error) {
        counts.failed++;
        throw error;
      }
    },
    async health() {
      if (closed) return { ok: false, detail: 'the PDF converter is closed' };
      try {
        await access(config.sofficePath, constants.X_OK);
        return { ok: true, detail: `cold provider: one ${config.sofficePath} per document` };
      } catch {
        return { ok: false, detail: `${config.sofficePath} is not an executable` };
      }
    },
    stats: () => ({ provider: 'cold', instances: running, ...counts }),
    async close() {
      closed = true;
      killProcesses(processesMentioning(root));
      await rm(root, { recursive: true, force: true });
    },
  };
}
