// On shutdown, jobs still running here go back to the queue at once (not after their lease), and
// the attempt does not count: the job did not fail, this process stopped.
import type { Database } from '../storage/open-database.ts';

export async function handBackJobs(database: Database, workerId: string, jobIds: number[], now: Date): Promise<number> {
  if (jobIds.length === 0) return 0;
  const result = await database.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      locked_by: null,
      lock_expires_at: null,
      attempts: eb('attempts', '-', 1),
      run_at: now.getTime(),
      updated_at: now.toISOString(),
    }))
    .where('id', 'in', jobIds)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
