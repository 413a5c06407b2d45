// How a failed attempt is told apart: retryable (try again later with backoff) or not (give up
// now and record the reason on the run). Errors that say nothing about themselves are retried:
// a database hiccup or a crashed dependency is more likely than a permanent fault.
import { AppError } from '../errors/app-error.ts';

export class JobError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly ruleName: string | undefined;

  constructor(code: string, message: string, options: { retryable: boolean; ruleName?: string }) {
    super(message);
    this.name = 'JobError';
    this.code = code;
    this.retryable = options.retryable;
    this.ruleName = options.ruleName;
  }
}

/** Raised when a job's lease passed to another worker: its work must roll back. */
export class LeaseLostError extends Error {
  constructor(jobId: number) {
    super(`job ${jobId} is no longer held by this worker (its lease expired or it was handed back)`);
    this.name = 'LeaseLostError';
  }
}

export interface JobFailure {
  code: string;
  message: string;
  retryable: boolean;
  ruleName?: string;
}

export function describeJobFailure(error: unknown): JobFailure {
  if (error instanceof JobError) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.ruleName ? { ruleName: error.ruleName } : {}),
    };
  }
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, retryable: error.kind === 'unavailable' };
  }
  const retryable = (error as { retryable?: unknown }).retryable;
  const code = (error as { code?: unknown }).code;
  return {
    code: typeof code === 'string' ? code : 'JOB_ERROR',
    message: error instanceof Error ? error.message : String(error),
    retryable: typeof retryable === 'boolean' ? retryable : true,
  };
}
