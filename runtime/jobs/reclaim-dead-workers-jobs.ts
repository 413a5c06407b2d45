// At start, jobs leased by a worker process of this host that no longer runs (killed with -9,
// or the machine rebooted) go back to the queue at once instead of after their lease. Worker ids
// are `host:pid:random` (start-workers.ts), so "no longer runs" is a signal-0 probe of the pid.
// Workers of other hosts are left alone: their jobs come back when their (short) lease runs out.
// "Host" is INKFLOW_WORKER_HOST when set: containers sharing a hostname but not a pid namespace
// would otherwise take each other's pids for dead ones (README, Operations).
import { hostname } from 'node:os';
import type { Database } from '../storage/open-database.ts';

/** The pid of a worker id of this host, or undefined for another host's (or a foreign) id. */
export function localWorkerPid(workerId: string, host: string = hostname()): number | undefined {
  const parts = workerId.split(':');
  if (parts.length < 3) return undefined;
  const pid = Number(parts.at(-2));
  if (parts.slice(0, -2).join(':') !== host || !Number.isInteger(pid) || pid <= 0) return undefined;
  return pid;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

/** Returns how many jobs were put back. The attempt they were in keeps counting (run-job.ts). */
export async function reclaimDeadWorkersJobs(database: Database, now: Date, host = hostname()): Promise<number> {
  const holders = await database.db
    .selectFrom('jobs')
    .select('locked_by')
    .distinct()
    .where('status', '=', 'running')
    .execute();
  const dead = holders
    .map((row) => row.locked_by)
    .filter((workerId): workerId is string => workerId !== null)
    .filter((workerId) => {
      const pid = localWorkerPid(workerId, host);
      return pid !== undefined && pid !== process.pid && !isRunning(pid);
    });
  if (dead.length === 0) return 0;
  const result = await database.db
    .updateTable('jobs')
    .set({
      status: 'queued',
      locked_by: null,
      lock_expires_at: null,
      run_at: now.getTime(),
      updated_at: now.toISOString(),
    })
    .where('status', '=', 'running')
    .where('locked_by', 'in', dead)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
