// One conversion on one warm instance: the DOCX goes to a temp directory of its own, the bridge
// converts it, the PDF is read back, and the directory is removed whatever happened.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { BridgeAnswer, OfficeInstance } from './office-instance.ts';
import { PdfConversionError } from './pdf-conversion-error.ts';

export type ConversionOutcome =
  | { ok: true; pdf: Uint8Array }
  /** `instanceBroken`: the instance must be restarted before it serves again. */
  | { ok: false; error: PdfConversionError; instanceBroken: boolean };

function failureOf(answer: Exclude<BridgeAnswer, { ok: true }>): ConversionOutcome {
  switch (answer.reason) {
    case 'load':
      return { ok: false, instanceBroken: false, error: new PdfConversionError('PDF_BAD_INPUT', answer.error) };
    case 'store':
      return { ok: false, instanceBroken: false, error: new PdfConversionError('PDF_EXPORT_FAILED', answer.error) };
    case 'connection':
      return {
        ok: false,
        instanceBroken: true,
        error: new PdfConversionError(
          'PDF_INSTANCE_CRASHED',
          `LibreOffice crashed during the conversion: ${answer.error}`,
        ),
      };
  }
}

async function bridgeWithin(instance: OfficeInstance, input: string, output: string, timeoutMs: number) {
  const timer = new AbortController();
  const timeout = delay(timeoutMs, 'timeout' as const, { signal: timer.signal }).catch(() => 'cancelled' as const);
  try {
    return await Promise.race([instance.convert(input, output), timeout]);
  } finally {
    timer.abort();
  }
}

export async function convertOnInstance(
  instance: OfficeInstance,
  docx: Uint8Array,
  jobsDirectory: string,
  timeoutMs: number,
): Promise<ConversionOutcome> {
  let directory: string | undefined;
  try {
    directory = await mkdtemp(join(jobsDirectory, 'job-'));
    const input = join(directory, 'document.docx');
    const output = join(directory, 'document.pdf');
    await writeFile(input, docx);
    const answer = await bridgeWithin(instance, input, output, timeoutMs);
    if (typeof answer === 'string') {
      // Killed before the directory goes, so a late soffice cannot write into it.
      await instance.kill();
      const message = `LibreOffice did not finish within ${timeoutMs} ms; the instance was restarted`;
      return { ok: false, instanceBroken: true, error: new PdfConversionError('PDF_TIMEOUT', message) };
    }
    if (!answer.ok) return failureOf(answer);
    return { ok: true, pdf: new Uint8Array(await readFile(output)) };
  } catch (error) {
    const message = `the PDF could not be produced: ${(error as Error).message}`;
    return {
      ok: false,
      instanceBroken: false,
      error: new PdfConversionError('PDF_EXPORT_FAILED', message, { cause: error }),
    };
  } finally {
    if (directory) await rm(directory, { recursive: true, force: true });
  }
}
