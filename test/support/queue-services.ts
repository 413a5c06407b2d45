// Runtime services for job-queue tests (no HTTP, no PDF), and a bare run row for jobs to belong to.
import pino from 'pino';
import { loadConfig } from '../../runtime/config.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import { noPdfConverter } from './test-services.ts';

export function queueServices(database: Database, leaseMs = 5_000, pollMs = 50): RuntimeServices {
  const config = { ...loadConfig({}), jobLeaseMs: leaseMs, jobPollMs: pollMs };
  return { config, database, pdf: noPdfConverter, logger: pino({ level: 'silent' }), now: () => new Date() };
}

export async function insertTestRun(database: Database, runId: string): Promise<void> {
  const at = new Date().toISOString();
  await database.db
    .insertInto('runs')
    .values({
      id: runId,
      event_id: `event-${runId}`,
      pipeline_id: 'sales',
      deal_id: 'D-1',
      status: 'running',
      plan: null,
      warnings: '[]',
      errors: '[]',
      created_at: at,
      updated_at: at,
    })
    .execute();
}
