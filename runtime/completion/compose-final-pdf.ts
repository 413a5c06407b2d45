// The final PDF of an envelope (see compose-final-pdf-now.ts), composed in a worker thread of its
// own: parsing the original, subsetting fonts and decoding images costs 70-350 ms of CPU on the
// demo contract, which the event loop every request shares must not pay. One worker per call:
// a seal happens once per envelope, and a fresh worker returns all its memory when it ends.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorKind } from '../errors/app-error.ts';
import type { ComposeReply } from './compose-final-pdf-worker.ts';
import type { FinalPdfInput } from './final-pdf-input.ts';
import { checkFinalPdfInput } from './final-pdf-limits.ts';

export type { FinalPdfInput, FinalSigner } from './final-pdf-input.ts';

const entry = new URL('./compose-final-pdf-worker-entry.mjs', import.meta.url);
const TIMEOUT_MS = 60_000;
const MAX_MEMORY_MB = 512;

function rebuild(error: { kind: string | null; code: string; message: string }): AppError {
  // Errors the composer did not classify (a bug, a broken font file) are worth a retry.
  return new AppError((error.kind ?? 'unavailable') as ErrorKind, error.code, error.message);
}

export function composeFinalPdf(input: FinalPdfInput): Promise<Uint8Array> {
  try {
    checkFinalPdfInput(input);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: MAX_MEMORY_MB, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new AppError('unavailable', 'FINAL_PDF_TIMEOUT', 'Composing the final PDF took over 60 s')));
    }, TIMEOUT_MS);
    worker.once('message', (reply: ComposeReply) => {
      finish(() => (reply.ok ? resolve(new Uint8Array(reply.pdf)) : reject(rebuild(reply.error))));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      const message = `Composing the final PDF failed: ${error.message}`;
      finish(() => reject(new AppError('unavailable', 'FINAL_PDF_FAILED', message)));
    });
    worker.once('exit', () => {
      finish(() => reject(new AppError('unavailable', 'FINAL_PDF_FAILED', 'The final PDF worker stopped')));
    });
    worker.postMessage(input);
  });
}
