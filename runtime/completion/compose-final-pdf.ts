// The final PDF of an envelope (see compose-final-pdf-now.ts), composed in a worker thread:
// parsing the original, decoding images and (for names in other scripts) subsetting fonts is CPU
// the event loop every request shares must not pay. The worker is kept between envelopes (starting
// one costs 0.7-2 s, more than the composition itself) and ended after a minute without work, on
// a timeout or when it breaks; compositions take turns in it, one at a time.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorKind } from '../errors/app-error.ts';
import type { ComposeReply, ComposeRequest } from './compose-final-pdf-worker.ts';
import type { FinalPdfInput } from './final-pdf-input.ts';
import { checkFinalPdfInput } from './final-pdf-limits.ts';

export type { FinalPdfInput, FinalSigner } from './final-pdf-input.ts';

const entry = new URL('./compose-final-pdf-worker-entry.mjs', import.meta.url);
const timeoutMs = 60_000;
const idleMs = 60_000;
const maxMemoryMb = 512;

function rebuild(error: { kind: string | null; code: string; message: string }): AppError {
  // Errors the composer did not classify (a bug, a broken font file) are worth a retry.
  return new AppError((error.kind ?? 'unavailable') as ErrorKind, error.code, error.message);
}

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
let turn: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  const started = new Worker(entry, {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64 },
  });
  // A kept worker must not hold the process open at shutdown.
  started.unref();
  started.once('exit', () => {
    if (worker === started) worker = undefined;
  });
  return started;
}

function endWorker(which: Worker): void {
  if (worker === which) worker = undefined;
  void which.terminate();
}

function composeInWorker(input: FinalPdfInput): Promise<Uint8Array> {
  clearTimeout(idleTimer);
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
    };
    const onMessage = (reply: ComposeReply): void => {
      if (reply.id !== id) return;
      cleanup();
      if (reply.ok) resolve(new Uint8Array(reply.pdf));
      else reject(rebuild(reply.error));
    };
    const onError = (error: Error): void => {
      cleanup();
      endWorker(current);
      reject(new AppError('unavailable', 'FINAL_PDF_FAILED', `Composing the final PDF failed: ${error.message}`));
    };
    const onExit = (): void => {
      cleanup();
      reject(new AppError('unavailable', 'FINAL_PDF_FAILED', 'The final PDF worker stopped'));
    };
    const timer = setTimeout(() => {
      cleanup();
      endWorker(current);
      reject(new AppError('unavailable', 'FINAL_PDF_TIMEOUT', 'Composing the final PDF took over 60 s'));
    }, timeoutMs);
    current.on('message', onMessage);
    current.once('error', onError);
    current.once('exit', onExit);
    current.postMessage({ id, input } satisfies ComposeRequest);
  }).finally(() => {
    idleTimer = setTimeout(() => {
      if (worker) endWorker(worker);
    }, idleMs);
    idleTimer.unref();
  });
}

export function composeFinalPdf(input: FinalPdfInput): Promise<Uint8Array> {
  try {
    checkFinalPdfInput(input);
  } catch (error) {
    return Promise.reject(error);
  }
  const result = turn.then(() => composeInWorker(input));
  turn = result.catch(() => undefined);
  return result;
}
