// What one attempt at a flow action came to: done (with what the run shows, and work to commit in
// the transaction that completes the job), or failed, retryable or not.
import type { Kysely } from 'kysely';
import type { RunActionOutcome, RunMessage } from '../../schemas/index.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export type ActionAttempt =
  | {
      ok: true;
      outcome: RunActionOutcome;
      warnings: RunMessage[];
      /** Runs inside the completing transaction; may replace the outcome (e.g. with an event id). */
      commit?: (trx: Kysely<DatabaseSchema>) => Promise<RunActionOutcome>;
    }
  | { ok: false; code: string; message: string; retryable: boolean };

export const failedAttempt = (code: string, message: string, retryable: boolean): ActionAttempt => ({
  ok: false,
  code,
  message,
  retryable,
});
