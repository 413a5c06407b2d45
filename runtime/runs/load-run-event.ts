// A run with the event it was made for: what every job of the run starts from.
import type { Selectable } from 'kysely';
import type { DealEvent } from '../../schemas/index.ts';
import { JobError } from '../jobs/job-error.ts';
import type { RuntimeServices } from '../services.ts';
import type { RunsTable } from '../storage/database-schema.ts';

export interface RunWithEvent {
  run: Selectable<RunsTable>;
  event: DealEvent;
}

export async function loadRunEvent(services: RuntimeServices, runId: string): Promise<RunWithEvent> {
  const { db } = services.database;
  const run = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new JobError('RUN_MISSING', `run ${runId} does not exist`, { retryable: false });
  const stored = await db
    .selectFrom('events')
    .select('payload')
    .where('event_id', '=', run.event_id)
    .executeTakeFirst();
  if (!stored) throw new JobError('EVENT_MISSING', `the event of run ${runId} is not stored`, { retryable: false });
  // Checked against the schema at intake; stored as it was accepted.
  return { run, event: JSON.parse(stored.payload) as DealEvent };
}
