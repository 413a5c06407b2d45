import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { describeJobFailure, JobError } from './job-error.ts';

describe('describeJobFailure', () => {
  it('keeps what a JobError says', () => {
    const error = new JobError('TEMPLATE_MISSING', 'gone', { retryable: false, ruleName: 'r' });
    expect(describeJobFailure(error)).toEqual({
      code: 'TEMPLATE_MISSING',
      message: 'gone',
      retryable: false,
      ruleName: 'r',
    });
  });

  it('retries an AppError only when a dependency is unavailable', () => {
    expect(describeJobFailure(new AppError('unavailable', 'PDF_CONVERSION_FAILED', 'busy')).retryable).toBe(true);
    expect(describeJobFailure(new AppError('not_found', 'TEMPLATE_MISSING', 'gone')).retryable).toBe(false);
    expect(describeJobFailure(new AppError('validation', 'TEMPLATE_SYNTAX', 'bad tag')).retryable).toBe(false);
  });

  it('reads retryable and code from other errors, and retries errors that say nothing', () => {
    const converter = Object.assign(new Error('timed out'), { code: 'PDF_TIMEOUT', retryable: true });
    expect(describeJobFailure(converter)).toEqual({ code: 'PDF_TIMEOUT', message: 'timed out', retryable: true });
    expect(describeJobFailure(new Error('SQLITE_BUSY'))).toEqual({
      code: 'JOB_ERROR',
      message: 'SQLITE_BUSY',
      retryable: true,
    });
  });
});
