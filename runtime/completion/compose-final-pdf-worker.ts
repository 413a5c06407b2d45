// The worker thread composeFinalPdf keeps: composes final PDFs one at a time and answers each with
// its bytes or with the AppError's kind, code and message, so the caller can rethrow the same error.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors/app-error.ts';
import { composeFinalPdfNow } from './compose-final-pdf-now.ts';
import type { FinalPdfInput } from './final-pdf-input.ts';

export interface ComposeRequest {
  id: number;
  input: FinalPdfInput;
}

export type ComposeReply = { id: number } & (
  | { ok: true; pdf: Uint8Array }
  | { ok: false; error: { kind: string | null; code: string; message: string } }
);

parentPort?.on('message', async ({ id, input }: ComposeRequest) => {
  let reply: ComposeReply;
  try {
    reply = { id, ok: true, pdf: await composeFinalPdfNow(input) };
  } catch (error) {
    const known = error instanceof AppError;
    const code = known ? error.code : 'FINAL_PDF_FAILED';
    reply = { id, ok: false, error: { kind: known ? error.kind : null, code, message: (error as Error).message } };
  }
  parentPort?.postMessage(reply);
});
