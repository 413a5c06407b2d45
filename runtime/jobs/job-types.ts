// What a job handler sees and promises: a claimed job, and a way to complete it inside the
// handler's own transaction so that the job's effects and its completion commit together.
import type { Selectable, Transaction } from 'kysely';
import type { DatabaseSchema, JobsTable } from '../storage/database-schema.ts';

export type JobRow = Selectable<JobsTable>;

export interface JobContext {
  /** Marks the job done within trx; throws LeaseLostError when another worker owns it now. */
  complete(trx: Transaction<DatabaseSchema>): Promise<void>;
}

/** Throw a JobError (runtime/jobs/job-error.ts) to choose between retry and giving up. */
export type JobHandler = (job: JobRow, context: JobContext) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;
