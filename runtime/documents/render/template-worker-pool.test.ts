// The worker pool: tasks run in worker threads and come back with their AppErrors intact; a task
// past its time limit or its worker's heap cap fails with TEMPLATE_TOO_COMPLEX and the pool goes on
// with a fresh worker.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { taggedDocx } from '../../../test/support/tagged-docx.ts';
import { largeXmlDocx } from '../../../test/support/template-bombs.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TemplateInspection } from './inspect-template.ts';
import { TemplateWorkerPool } from './template-worker-pool.ts';

vi.setConfig({ testTimeout: 120_000 });

describe('TemplateWorkerPool', () => {
  const pool = new TemplateWorkerPool({ size: 1, maxMemoryMb: 64 });
  afterAll(() => pool.close());
  const small = taggedDocx(['Dear {deal.company.name},', '{#deal.contacts}{name}{/deal.contacts}']);

  it('inspects a template in a worker', async () => {
    const result = (await pool.run({ kind: 'inspect', bytes: small }, 20_000)) as TemplateInspection;
    expect(result.placeholders).toEqual(['deal.company.name', 'deal.contacts', 'deal.contacts[].name']);
  });

  it('brings a refusal back as the same AppError', async () => {
    const error = await pool.run({ kind: 'inspect', bytes: new Uint8Array([1, 2, 3]) }, 20_000).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'validation', code: 'TEMPLATE_NOT_DOCX' });
  });

  it('ends a task past its time limit, then serves the next task with a new worker', async () => {
    const error = await pool.run({ kind: 'inspect', bytes: largeXmlDocx(3.9) }, 50).catch((e) => e);
    expect(error).toMatchObject({ code: 'TEMPLATE_TOO_COMPLEX' });
    expect((error as Error).message).toContain('takes longer than');
    const result = (await pool.run({ kind: 'inspect', bytes: small }, 20_000)) as TemplateInspection;
    expect(result.placeholders).toContain('deal.company.name');
  });

  it('ends a worker that passes its heap cap, then serves the next task', async () => {
    const error = await pool.run({ kind: 'inspect', bytes: largeXmlDocx(3.9) }, 60_000).catch((e) => e);
    expect(error).toMatchObject({ code: 'TEMPLATE_TOO_COMPLEX' });
    expect((error as Error).message).toContain('more than 64 MB of memory');
    const result = (await pool.run({ kind: 'inspect', bytes: small }, 20_000)) as TemplateInspection;
    expect(result.placeholders).toContain('deal.contacts');
  });
});
