// A warm instance that dies or hangs mid-conversion: the request fails retryable (the pool does
// not retry it itself: a document that crashes LibreOffice would crash every retry; the job queue
// decides), the instance is killed and restarted, and the next conversions succeed.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx } from '../../test/support/minimal-docx.ts';
import { createPdfConverter, type PdfConverter, type PdfLogger } from './convert-to-pdf.ts';
import { pdfText, sofficeProcesses } from './testing/pdf-probes.ts';

function recordingLogger(): PdfLogger & { lines: { level: string; details: object; message: string }[] } {
  const lines: { level: string; details: object; message: string }[] = [];
  const record = (level: string) => (details: object, message: string) => lines.push({ level, details, message });
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

/** True once the pool has handed a job to an instance: its temp directory exists. */
function jobInFlight(workDir: string): boolean {
  return readdirSync(workDir).some((pool) => {
    const jobs = join(workDir, pool, 'jobs');
    return existsSync(jobs) && readdirSync(jobs).length > 0;
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await delay(20);
  }
}

describe('warm PDF converter recovery (1 instance)', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'inkflow-pdf-test-recovery-'));
  const logger = recordingLogger();
  let pdf: PdfConverter;

  beforeAll(async () => {
    pdf = createPdfConverter({ instances: 1, workDir, logger, startTimeoutMs: 90_000 });
    await pdf.convert(minimalDocx(['warm-up']));
  });

  afterAll(async () => {
    await pdf.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('rejects retryable when soffice is killed mid-conversion, then restarts the instance', async () => {
    const [victim] = sofficeProcesses(workDir);
    expect(victim).toBeGreaterThan(0);
    // Frozen first, so the conversion is certainly in LibreOffice's hands when it dies.
    process.kill(victim!, 'SIGSTOP');
    const pending = pdf.convert(minimalDocx(['lost in the crash']));
    await waitFor(() => jobInFlight(workDir));
    process.kill(victim!, 'SIGKILL');

    await expect(pending).rejects.toMatchObject({ code: 'PDF_INSTANCE_CRASHED', retryable: true });
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', details: expect.objectContaining({ code: 'PDF_INSTANCE_CRASHED' }) }),
    );

    const after = await pdf.convert(minimalDocx(['after the crash']));
    expect(pdfText(after)).toContain('after the crash');
    expect(pdf.stats().restarts).toBe(1);
    const replacement = sofficeProcesses(workDir);
    expect(replacement).toHaveLength(1);
    expect(replacement).not.toContain(victim);
  });

  it('times out a stuck instance, kills and restarts it, and the next conversion succeeds', async () => {
    const [stuck] = sofficeProcesses(workDir);
    process.kill(stuck!, 'SIGSTOP');
    const startedAt = Date.now();

    await expect(pdf.convert(minimalDocx(['never finishes']), { timeoutMs: 2000 })).rejects.toMatchObject({
      code: 'PDF_TIMEOUT',
      retryable: true,
    });
    expect(Date.now() - startedAt).toBeLessThan(8000);
    expect(sofficeProcesses(workDir)).not.toContain(stuck);

    const after = await pdf.convert(minimalDocx(['after the timeout']));
    expect(pdfText(after)).toContain('after the timeout');
    expect(pdf.stats()).toMatchObject({ restarts: 2, failed: 2 });
    expect(sofficeProcesses(workDir)).toHaveLength(1);
  });
});
