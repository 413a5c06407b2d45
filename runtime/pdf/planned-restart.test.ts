// Planned restarts after `restartAfter` conversions and above `maxMemoryMb`: the replacement
// starts while the old instance keeps serving, and takes over in between jobs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx } from '../../test/support/minimal-docx.ts';
import { createPdfConverter, type PdfConverter } from './convert-to-pdf.ts';
import { pdfText, sofficeProcesses } from './testing/pdf-probes.ts';

async function waitForRestarts(pdf: PdfConverter, restarts: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (pdf.stats().restarts < restarts) {
    if (Date.now() > deadline) throw new Error(`still ${pdf.stats().restarts} restarts, expected ${restarts}`);
    await delay(50);
  }
}

describe('warm PDF converter planned restarts', () => {
  const countDir = mkdtempSync(join(tmpdir(), 'inkflow-pdf-test-count-'));
  const memoryDir = mkdtempSync(join(tmpdir(), 'inkflow-pdf-test-memory-'));
  let byCount: PdfConverter;
  let byMemory: PdfConverter;

  beforeAll(async () => {
    byCount = createPdfConverter({ instances: 1, restartAfter: 3, workDir: countDir, startTimeoutMs: 90_000 });
    // Any soffice holds more than 1 MB: every conversion is followed by a replacement.
    byMemory = createPdfConverter({ instances: 1, maxMemoryMb: 1, workDir: memoryDir, startTimeoutMs: 90_000 });
  });

  afterAll(async () => {
    await Promise.all([byCount.close(), byMemory.close()]);
    rmSync(countDir, { recursive: true, force: true });
    rmSync(memoryDir, { recursive: true, force: true });
  });

  it('replaces an instance after restartAfter conversions, serving all the while', async () => {
    const convert = async (text: string) => pdfText(await byCount.convert(minimalDocx([text]))).trim();
    expect([await convert('one'), await convert('two'), await convert('three')]).toEqual(['one', 'two', 'three']);
    const [first] = sofficeProcesses(countDir);

    // The replacement takes seconds to start; meanwhile the old soffice still converts.
    expect(await convert('four, during the restart')).toBe('four, during the restart');
    expect(byCount.stats().restarts).toBe(0);

    await waitForRestarts(byCount, 1);
    expect(await convert('five, after it')).toBe('five, after it');
    expect(byCount.stats()).toMatchObject({ converted: 5, failed: 0, restarts: 1 });
    const processes = sofficeProcesses(countDir);
    expect(processes).toHaveLength(1); // the old soffice is gone
    expect(processes).not.toContain(first);
  });

  it('replaces an instance whose soffice exceeds maxMemoryMb', async () => {
    const first = await byMemory.convert(minimalDocx(['first under a tight memory limit']));
    const [before] = sofficeProcesses(memoryDir);
    await waitForRestarts(byMemory, 1);
    const second = await byMemory.convert(minimalDocx(['second under a tight memory limit']));

    expect(pdfText(first)).toContain('first under a tight memory limit');
    expect(pdfText(second)).toContain('second under a tight memory limit');
    expect(byMemory.stats()).toMatchObject({ converted: 2, failed: 0 });
    expect(byMemory.stats().restarts).toBeGreaterThanOrEqual(1);
    expect(sofficeProcesses(memoryDir)).not.toContain(before);
  });
});
